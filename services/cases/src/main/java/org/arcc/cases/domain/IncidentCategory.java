package org.arcc.cases.domain;

/** GBVIMS core incident types. */
public enum IncidentCategory {
    RAPE, SEXUAL_ASSAULT, PHYSICAL_ASSAULT, FORCED_MARRIAGE, DENIAL_OF_RESOURCES, PSYCHOLOGICAL_ABUSE
}
