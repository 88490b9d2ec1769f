package org.arcc.cases;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Object Mother for identities. Every value is unique to the instance, so a test can search logs, events
 * and responses for exactly these values.
 */
public final class AnIdentity {

    private final String name;
    private final String cnic;
    private final String phone;
    private final String address;
    private final Map<String, Object> guardian;

    private AnIdentity(boolean child) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String tag = Long.toString(random.nextLong(100_000_000L, 999_999_999L), 36);
        this.name = "Survivor Name-" + tag;
        this.cnic = String.format("%05d-%07d-%d", random.nextInt(10_000, 99_999), random.nextInt(1_000_000, 9_999_999),
                random.nextInt(1, 9));
        this.phone = String.format("+92 3%02d %07d", random.nextInt(0, 50), random.nextInt(1_000_000, 9_999_999));
        this.address = "House " + tag + ", Street 9, Gulshan-e-Test";
        if (child) {
            guardian = new LinkedHashMap<>();
            guardian.put("name", "Guardian Name-" + tag);
            guardian.put("relationship", "mother");
            guardian.put("cnic", String.format("%05d-%07d-%d", random.nextInt(10_000, 99_999),
                    random.nextInt(1_000_000, 9_999_999), random.nextInt(1, 9)));
            guardian.put("phone", String.format("+92 3%02d %07d", random.nextInt(0, 50), random.nextInt(1_000_000, 9_999_999)));
        } else {
            guardian = null;
        }
    }

    public static AnIdentity adult() {
        return new AnIdentity(false);
    }

    public static AnIdentity childWithGuardian() {
        return new AnIdentity(true);
    }

    public Map<String, Object> body() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("cnic", cnic);
        body.put("phone", phone);
        body.put("address", address);
        if (guardian != null) {
            body.put("guardian", guardian);
        }
        return body;
    }

    public String name() {
        return name;
    }

    public String phone() {
        return phone;
    }

    public String address() {
        return address;
    }

    public String cnic() {
        return cnic;
    }

    public String guardianCnic() {
        return guardian == null ? null : (String) guardian.get("cnic");
    }

    /** Every identifying value, in every form it might leak in (a CNIC with and without dashes). */
    public List<String> secrets() {
        List<String> values = new java.util.ArrayList<>(List.of(name, cnic, cnic.replace("-", ""), phone,
                phone.replace(" ", ""), address));
        if (guardian != null) {
            values.add((String) guardian.get("name"));
            values.add((String) guardian.get("cnic"));
            values.add(((String) guardian.get("cnic")).replace("-", ""));
            values.add((String) guardian.get("phone"));
        }
        return values;
    }
}
