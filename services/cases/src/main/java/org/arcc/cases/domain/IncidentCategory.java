package org.arcc.cases.domain;

/**
 * GBVIMS core incident types, in the GBVIMS order of precedence: an incident gets the first type that applies
 * (rape before sexual assault, and so on), so each case counts once per type in the statistics.
 */
public enum IncidentCategory {
    RAPE, SEXUAL_ASSAULT, PHYSICAL_ASSAULT, FORCED_MARRIAGE, DENIAL_OF_RESOURCES, PSYCHOLOGICAL_ABUSE
}
