package org.arcc.custody;

/** PROBLEM: the bundle does not show an intact chain of custody. WARNING: intact, but read this before relying on it. */
public enum Severity {
    PROBLEM, WARNING
}
