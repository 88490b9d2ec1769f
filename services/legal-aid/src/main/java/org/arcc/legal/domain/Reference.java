package org.arcc.legal.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** Reference data of the legal pathway, added by an administrator (a migration), never by a code change. */
public final class Reference {

    private Reference() {
    }

    @Entity
    @Table(name = "police_station")
    public static class PoliceStation extends PanacheEntityBase {
        @Id
        public String id;
        @Column(nullable = false)
        public String name;
        @Column(nullable = false)
        public String district;
    }

    /** A district's Special Sexual Offences Investigation Unit. */
    @Entity
    @Table(name = "investigation_unit")
    public static class InvestigationUnit extends PanacheEntityBase {
        @Id
        public String id;
        @Column(nullable = false)
        public String name;
        @Column(nullable = false)
        public String district;
    }

    /** A lawyer of the legal-aid panel. */
    @Entity
    @Table(name = "panel_lawyer")
    public static class PanelLawyer extends PanacheEntityBase {
        @Id
        public String id;
        @Column(nullable = false)
        public String name;
        @Column(nullable = false)
        public String enrolment;
        @Column(nullable = false)
        public String district;
        @Column(nullable = false)
        public boolean active;
    }
}
