package org.arcc.reporting.service;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.arcc.reporting.config.ReportingSettings;
import org.arcc.reporting.domain.Figure;
import org.arcc.reporting.domain.Geography;
import org.arcc.reporting.domain.Periods;

/**
 * Maps published figures onto DHIS2 data values with the mapping in configuration: cells → organisation units,
 * {@code <table>.<category>} → data element and category option combo. Only monthly cell figures are sent (DHIS2
 * aggregates upwards itself); a suppressed figure is left out, never sent as 0.
 */
@ApplicationScoped
public class Dhis2Export {

    @Inject
    ReportingSettings settings;

    public record Value(String dataSet, String period, String orgUnit, String dataElement, String categoryOptionCombo,
            String value) {
    }

    public List<Value> dataValues(List<Reports.Result> results) {
        List<Value> values = new ArrayList<>();
        for (Reports.Result result : results) {
            for (Figure f : result.figures()) {
                if (f.suppressed() || f.geographyLevel() != Geography.Level.CELL || f.periodLevel() != Periods.Level.MONTH) {
                    continue;
                }
                String target = settings.dhis2().figures().get(result.table().id() + "." + f.category());
                String orgUnit = settings.dhis2().orgUnits().get(f.geography());
                if (target == null || orgUnit == null) {
                    continue;
                }
                int dot = target.indexOf('.');
                values.add(new Value(settings.dhis2().dataSet(), f.period().replace("-", ""), orgUnit,
                        target.substring(0, dot), target.substring(dot + 1), f.display()));
            }
        }
        return values;
    }
}
