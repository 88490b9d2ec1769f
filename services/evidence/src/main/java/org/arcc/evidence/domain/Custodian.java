package org.arcc.evidence.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** An organisation outside the cells that holds evidence (reference data). */
@Entity
public class Custodian extends PanacheEntityBase {

    public enum Kind {
        POLICE_SURGEON, LAB, POLICE, COURT
    }

    @Id
    public String id;

    public String name;

    @Enumerated(EnumType.STRING)
    public Kind kind;

    public String city;
}
