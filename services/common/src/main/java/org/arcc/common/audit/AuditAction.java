package org.arcc.common.audit;

/** What was done to survivor data. */
public enum AuditAction {
    CREATE, READ, UPDATE, ERASE, SEARCH, LIST
}
