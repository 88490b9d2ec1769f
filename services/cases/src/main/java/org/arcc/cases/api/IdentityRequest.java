package org.arcc.cases.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.arcc.cases.domain.Cnic;
import org.arcc.cases.service.IdentityRecords;

/**
 * Body of {@code PUT /api/v1/cases/{id}/identity} and the answer of its {@code GET}. Validation messages
 * never repeat the value they reject.
 */
public record IdentityRequest(
        @NotBlank @Size(max = 200) String name,
        @Pattern(regexp = Cnic.FORMAT, message = Cnic.FORMAT_MESSAGE) String cnic,
        @Pattern(regexp = PHONE, message = "must be a phone number of 7 to 20 digits") String phone,
        @Size(max = 500) String address,
        @Valid Guardian guardian) {

    static final String PHONE = "^\\+?[0-9][0-9 ()-]{6,19}$";

    public record Guardian(
            @NotBlank @Size(max = 200) String name,
            @Size(max = 50) String relationship,
            @Pattern(regexp = Cnic.FORMAT, message = Cnic.FORMAT_MESSAGE) String cnic,
            @Pattern(regexp = PHONE, message = "must be a phone number of 7 to 20 digits") String phone) {
    }

    IdentityRecords.Identity toIdentity() {
        return new IdentityRecords.Identity(name, cnic, phone, address, guardian == null ? null
                : new IdentityRecords.Guardian(guardian.name(), guardian.relationship(), guardian.cnic(), guardian.phone()));
    }

    static IdentityRequest of(IdentityRecords.Identity identity) {
        IdentityRecords.Guardian g = identity.guardian();
        return new IdentityRequest(identity.name(), identity.cnic(), identity.phone(), identity.address(),
                g == null ? null : new Guardian(g.name(), g.relationship(), g.cnic(), g.phone()));
    }

    /** Deliberately no field values: a record's toString can end up in a log. */
    @Override
    public String toString() {
        return "IdentityRequest[redacted]";
    }
}
