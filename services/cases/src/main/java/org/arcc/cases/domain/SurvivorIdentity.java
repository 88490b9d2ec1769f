package org.arcc.cases.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** Who the survivor is, encrypted field by field. Plain text exists only in memory, inside a use case. */
@Entity
@Table(name = "survivor_identity")
public class SurvivorIdentity extends PanacheEntityBase {

    @Id
    @Column(name = "case_id")
    public UUID caseId;

    @Column(name = "data_key_id", nullable = false)
    public UUID dataKeyId;

    public byte[] name;
    public byte[] cnic;

    @Column(name = "cnic_index")
    public String cnicIndex;

    public byte[] phone;
    public byte[] address;

    @Column(name = "guardian_name")
    public byte[] guardianName;

    @Column(name = "guardian_relationship")
    public byte[] guardianRelationship;

    @Column(name = "guardian_cnic")
    public byte[] guardianCnic;

    @Column(name = "guardian_cnic_index")
    public String guardianCnicIndex;

    @Column(name = "guardian_phone")
    public byte[] guardianPhone;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "erased_at")
    public Instant erasedAt;

    @Version
    public long version;

    public boolean erased() {
        return erasedAt != null;
    }

    /** Blanks every field; the data key is shredded separately. */
    public void blank(Instant at) {
        name = cnic = phone = address = guardianName = guardianRelationship = guardianCnic = guardianPhone = null;
        cnicIndex = guardianCnicIndex = null;
        erasedAt = at;
        updatedAt = at;
    }
}
