package org.arcc.reporting.service;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.arcc.common.audit.AuditAction;
import org.arcc.common.audit.AuditEntry;
import org.arcc.common.audit.AuditOutcome;
import org.arcc.common.audit.AuditTrail;
import org.arcc.common.problem.ProblemException;
import org.arcc.common.security.AccessScope;
import org.arcc.common.security.Caller;
import org.arcc.disclosure.DisclosureRule;
import org.arcc.reporting.config.ReportingSettings;
import org.arcc.reporting.domain.Figure;
import org.arcc.reporting.domain.Figures;
import org.arcc.reporting.domain.FiguresKey;
import org.arcc.reporting.domain.Geography;
import org.arcc.reporting.domain.Periods;
import org.arcc.reporting.domain.ProtectedFigures;
import org.arcc.reporting.domain.ReportCatalog;
import org.arcc.reporting.domain.ReportTable;
import org.arcc.reporting.domain.Tally;
import org.arcc.reporting.events.ProjectionVersion;
import org.arcc.vocabulary.ProblemType;
import org.arcc.vocabulary.Role;

/**
 * Computes the figures a caller asked for from the projections as they are now, protects them for that caller
 * (a cell supervisor's own cell exact), and audits the read. The protected result is kept
 * ({@link ProtectedFiguresCache}) under the projections' version, read from the database on every request, so a
 * change committed before the request is always in its figures.
 */
@ApplicationScoped
public class Reports {

    /** The longest period one request may cover. */
    public static final int MAX_MONTHS = 36;
    public static final String REPORT = "report";
    public static final String PURPOSE = "STATISTICS";

    @Inject
    ProjectionReader reader;

    @Inject
    ReportingSettings settings;

    @Inject
    AuditTrail audit;

    @Inject
    Rebuilds rebuilds;

    @Inject
    ProjectionVersion version;

    @Inject
    ProtectedFiguresCache cache;

    /** What was asked: a table, a period, and filters on the rows (which never change what is suppressed). */
    public record Request(String table, String from, String to, String province, String cell, String category) {
    }

    /** The figures of a table and who they are exact for. */
    public record Result(ReportTable table, Periods periods, int k, String exactFor, List<Figure> figures) {
    }

    public Geography geography() {
        return new Geography(new TreeMap<>(settings.cells()));
    }

    public List<ReportTable> tables() {
        return ReportCatalog.tables();
    }

    @Transactional
    public Result table(Caller caller, Request request) {
        ReportTable table = ReportCatalog.table(request.table())
                .orElseThrow(() -> ProblemException.notFound("Report table " + safe(request.table())));
        Periods periods = periods(request.from(), request.to());
        Geography geography = geography();
        if (request.province() != null && !geography.isProvince(request.province())) {
            throw invalid("province must be one of " + geography.provinces());
        }
        if (request.cell() != null && !geography.isCell(request.cell())) {
            throw invalid("cell must be one of " + geography.cells());
        }
        if (request.category() != null && !table.categories().contains(request.category())) {
            throw invalid("category must be one of the table's categories " + table.categories());
        }
        ProtectedFigures figures = figures(caller, periods, geography);
        List<Figure> rows = figures.of(table).stream()
                .filter(f -> request.cell() == null || f.geography().equals(request.cell()))
                .filter(f -> request.province() == null || f.geography().equals(request.province())
                        || request.province().equals(geography.provinceOf(f.geography())))
                .filter(f -> request.category() == null || f.category().equals(request.category()))
                .toList();
        audited(caller, table.id());
        return new Result(table, periods, figures.k(), exactFor(caller).orElse(null), rows);
    }

    /** Every table's figures for a period, for the DHIS2 export. */
    @Transactional
    public List<Result> all(Caller caller, String from, String to) {
        Periods periods = periods(from, to);
        ProtectedFigures figures = figures(caller, periods, geography());
        audited(caller, "dhis2-data-value-sets");
        return ReportCatalog.tables().stream()
                .map(t -> new Result(t, periods, figures.k(), exactFor(caller).orElse(null), figures.of(t))).toList();
    }

    private ProtectedFigures figures(Caller caller, Periods periods, Geography geography) {
        rebuilds.refuseWhileRunning();
        Optional<String> exactFor = exactFor(caller);
        return cache.get(FiguresKey.of(version.of(periods), periods, exactFor), key -> protect(periods, geography, exactFor));
    }

    private ProtectedFigures protect(Periods periods, Geography geography, Optional<String> exactFor) {
        ProjectionReader.Facts facts = reader.read(periods.from(), periods.to());
        Tally tally = new Tally();
        facts.cases().forEach(c -> ReportCatalog.tally(c, tally));
        facts.referrals().forEach(r -> ReportCatalog.tally(r, tally));
        return ProtectedFigures.of(new Figures(geography, periods, tally, new DisclosureRule(settings.k()), exactFor));
    }

    /** A cell supervisor already sees their cell's cases: its figures are exact for them. */
    static Optional<String> exactFor(Caller caller) {
        if (caller.hasRole(Role.CELL_SUPERVISOR) && !caller.hasRole(Role.ANALYST) && !caller.hasRole(Role.PLATFORM_ADMIN)) {
            return Optional.of(caller.requireCell());
        }
        return Optional.empty();
    }

    private void audited(Caller caller, String what) {
        audit.record(new AuditEntry(caller, new AccessScope(caller.cell(), Optional.empty()), AuditAction.READ, REPORT,
                what, null, PURPOSE, AuditOutcome.SUCCESS));
    }

    static Periods periods(String from, String to) {
        if (from == null || to == null) {
            throw invalid("from and to are required, as YYYY-MM");
        }
        YearMonth start = month(from, "from");
        YearMonth end = month(to, "to");
        if (start.isAfter(end)) {
            throw invalid("from must not be after to");
        }
        if (start.plusMonths(MAX_MONTHS - 1).isBefore(end)) {
            throw invalid("a report covers at most " + MAX_MONTHS + " months");
        }
        return new Periods(start, end);
    }

    private static YearMonth month(String value, String name) {
        if (!value.matches("\\d{4}-\\d{2}")) {
            throw invalid(name + " must be a month, YYYY-MM");
        }
        try {
            return YearMonth.parse(value);
        } catch (DateTimeParseException e) {
            throw invalid(name + " must be a month, YYYY-MM");
        }
    }

    private static ProblemException invalid(String detail) {
        return new ProblemException(ProblemType.VALIDATION, detail);
    }

    /** A table id is echoed only when it looks like one. */
    private static String safe(String id) {
        return id != null && id.matches("[a-z0-9-]{1,60}") ? id : "(as given)";
    }
}
