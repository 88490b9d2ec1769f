package org.arcc.legal.service;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.arcc.common.problem.ProblemException;
import org.arcc.legal.domain.Reference;
import org.arcc.vocabulary.ProblemType;

/**
 * The reference data of the legal pathway, as the forms offer it: police stations, Special Sexual Offences
 * Investigation Units and the legal-aid panel, all or one district's. Officials and lawyers, never survivors, so
 * reading it is not an access to case data and is not audited.
 */
@ApplicationScoped
public class ReferenceData {

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Reference.PoliceStation> policeStations(String district) {
        return district == null ? Reference.PoliceStation.list("order by district, name")
                : Reference.PoliceStation.list("district = ?1 order by name", known(district));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Reference.InvestigationUnit> investigationUnits(String district) {
        return district == null ? Reference.InvestigationUnit.list("order by district, name")
                : Reference.InvestigationUnit.list("district = ?1 order by name", known(district));
    }

    /** The active lawyers of the panel: those who may be assigned to a survivor. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Reference.PanelLawyer> panel(String district) {
        return district == null ? Reference.PanelLawyer.list("active = true order by district, name")
                : Reference.PanelLawyer.list("active = true and district = ?1 order by name", known(district));
    }

    /**
     * A district the reference data covers, as it spells it; another one is a mistake to say so rather than an empty
     * list that reads as "no police station there".
     */
    private static String known(String district) {
        @SuppressWarnings("unchecked")
        List<String> all = Reference.PoliceStation.getEntityManager()
                .createNativeQuery("SELECT district FROM police_station UNION SELECT district FROM investigation_unit"
                        + " UNION SELECT district FROM panel_lawyer").getResultList();
        Set<String> districts = new TreeSet<>(all);
        return districts.stream().filter(d -> d.equalsIgnoreCase(district.trim())).findFirst()
                .orElseThrow(() -> new ProblemException(ProblemType.VALIDATION,
                        "district is not one the reference data covers: " + String.join(", ", districts)));
    }
}
