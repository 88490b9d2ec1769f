package org.arcc.cases.domain.medicolegal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Object Mother for medico-legal reports and what the checks know about their case:
 * {@code AReport.journeyOne().withHistory("...").content()}. Journey 1 is an adult examined by a female officer at
 * T+2h with swabs and clothing sealed (and screenshots registered as digital evidence); journey 2 a child examined
 * at T+7h with a DNA sample, the delay explained.
 */
public final class AReport {

    public static final Instant ARRIVED = Instant.parse("2026-03-14T08:00:00Z");
    public static final Instant NOW = ARRIVED.plus(Duration.ofHours(10));

    private String initials = "S.A.";
    private Instant started;
    private Instant ended;
    private String place = "ARCC Karachi, examination room 2";
    private String officer = "Dr. Officer (demo)";
    private Boolean femaleOfficer = true;
    private List<String> present = List.of("Staff nurse (female)");
    private UUID consentId = UUID.fromString("00000000-0000-0000-0000-0000000000c1");
    private String breachReason;
    private String history = "Assaulted at home the previous evening by a known person.";
    private Integer hours = 14;
    private String general = "Conscious, oriented, distressed. Vital signs normal.";
    private String systemic = "No abnormality detected.";
    private List<ReportContent.Injury> injuries = new ArrayList<>();
    private Boolean absenceStatement = false;
    private List<ReportContent.Sample> samples = new ArrayList<>();
    private ReportContent.TestsAndTreatment treatment = new ReportContent.TestsAndTreatment(PregnancyTest.NEGATIVE,
            CareGiven.GIVEN, CareGiven.GIVEN, CareGiven.GIVEN);
    private ExamOpinion opinion = ExamOpinion.FINDINGS_CONSISTENT_WITH_HISTORY;
    private List<AwaitedResult> awaited = List.of(AwaitedResult.DNA_PROFILE);
    private final List<RegisteredItem> items = new ArrayList<>();
    private Instant arrived = ARRIVED;

    private AReport(Duration examAfterArrival) {
        started = ARRIVED.plus(examAfterArrival);
        ended = started.plus(Duration.ofMinutes(50));
    }

    /** Journey 1: adult, female officer, exam at T+2h, swabs and clothing sealed, a bruise photographed. */
    public static AReport journeyOne() {
        return journeyOneExaminedAfter(Duration.ofHours(2));
    }

    /** Journey 1's report, the examination beginning this long after arrival. */
    public static AReport journeyOneExaminedAfter(Duration afterArrival) {
        AReport r = new AReport(afterArrival);
        Instant sealed = r.started.plus(Duration.ofMinutes(40));
        RegisteredItem swabs = r.item("KHI-EV-2026-000101", "SWABS", sealed);
        RegisteredItem clothing = r.item("KHI-EV-2026-000102", "CLOTHING", sealed);
        RegisteredItem photo = r.item("KHI-EV-2026-000103", "CLOTHING", sealed);
        r.item("KHI-EV-2026-000104", "DIGITAL_EVIDENCE", null);
        r.samples.add(new ReportContent.Sample(swabs.itemId(), swabs.kitNumber(), sealed));
        r.samples.add(new ReportContent.Sample(clothing.itemId(), clothing.kitNumber(), sealed));
        r.injuries.add(new ReportContent.Injury(BodyRegion.FOREARM_LEFT, InjuryKind.BRUISE, 4.0, 2.5,
                "Bluish-red, about 1 day old", true, photo.itemId()));
        return r;
    }

    /** Journey 2: a child brought by police, exam at T+7h (delay explained), one DNA sample, no injuries. */
    public static AReport journeyTwo() {
        AReport r = new AReport(Duration.ofHours(7));
        r.initials = "F.";
        r.place = "ARCC Multan, paediatric examination room";
        r.present = List.of("Mother (guardian)", "Child psychologist");
        r.breachReason = "The child arrived asleep after a night journey; the guardian asked that she rest first.";
        r.hours = 20;
        Instant sealed = r.started.plus(Duration.ofMinutes(30));
        RegisteredItem dna = r.item("MUX-EV-2026-000007", "DNA_REFERENCE_SAMPLE", sealed);
        r.samples.add(new ReportContent.Sample(dna.itemId(), dna.kitNumber(), sealed));
        r.absenceStatement = true;
        r.opinion = ExamOpinion.NO_OPINION_PENDING_RESULTS;
        r.awaited = List.of(AwaitedResult.DNA_PROFILE, AwaitedResult.SEMEN_DETECTION);
        return r;
    }

    private RegisteredItem item(String kit, String type, Instant sealed) {
        RegisteredItem item = new RegisteredItem(UUID.nameUUIDFromBytes(kit.getBytes()), kit, type, started, sealed);
        items.add(item);
        return item;
    }

    public AReport withHistory(String text) {
        history = text;
        return this;
    }

    public AReport withGeneralFindings(String text) {
        general = text;
        return this;
    }

    public AReport withoutPlace() {
        place = null;
        return this;
    }

    public AReport endedAt(Instant end) {
        ended = end;
        return this;
    }

    public AReport withoutBreachReason() {
        breachReason = null;
        return this;
    }

    public AReport onConsent(UUID id) {
        consentId = id;
        return this;
    }

    public AReport withoutInjuries() {
        injuries = new ArrayList<>();
        return this;
    }

    public AReport absenceOfInjuryStated(boolean stated) {
        absenceStatement = stated;
        return this;
    }

    public AReport opinion(ExamOpinion value, AwaitedResult... results) {
        opinion = value;
        awaited = List.of(results);
        return this;
    }

    public AReport withUnregisteredSample() {
        samples.add(new ReportContent.Sample(UUID.randomUUID(), "KHI-EV-2026-999999", started.plusSeconds(600)));
        return this;
    }

    public AReport withoutSample(int index) {
        samples.remove(index);
        return this;
    }

    public AReport withItemsRegistered(List<RegisteredItem> registered) {
        items.clear();
        items.addAll(registered);
        return this;
    }

    public List<RegisteredItem> items() {
        return List.copyOf(items);
    }

    public ReportContent content() {
        return new ReportContent(initials, new ReportContent.Examination(started, ended, place, officer, femaleOfficer,
                present, consentId), breachReason, history, hours, general, systemic, injuries, absenceStatement,
                samples, treatment, opinion, awaited);
    }

    public CheckContext context() {
        return new CheckContext(arrived, NOW, items, Set.of(UUID.fromString("00000000-0000-0000-0000-0000000000c1")));
    }
}
