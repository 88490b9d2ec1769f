package org.arcc.reporting.api;

import static org.arcc.reporting.ReportApi.awaitShown;
import static org.arcc.reporting.ReportApi.shown;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;

import org.arcc.reporting.PlatformEvents;
import org.arcc.reporting.PlatformEvents.Opened;
import org.arcc.reporting.domain.Periods;
import org.arcc.reporting.events.ProjectionVersion;
import org.arcc.reporting.service.ProtectedFiguresCache;
import org.arcc.testing.EmbeddedPostgresResource;
import org.arcc.testing.KafkaBrokerResource;
import org.arcc.testing.OidcTestServerResource;
import org.arcc.testing.Tokens;
import org.junit.jupiter.api.Test;

import com.github.benmanes.caffeine.cache.stats.CacheStats;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/**
 * Protected figures are computed once per period, viewer and version of the projections, and never served after
 * the projections changed: a new case and a withdrawn consent show on the next request. Rawalpindi in 2023-08
 * belongs to this class.
 */
@QuarkusTest
@WithTestResource(value = EmbeddedPostgresResource.class, initArgs = @ResourceArg(name = "database", value = "reporting"))
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(OidcTestServerResource.class)
class ProtectedFiguresCacheTest {

    static final String TABLE = "survivors-by-age-band";
    static final String MONTH = "2023-08";

    @Inject
    ProtectedFiguresCache cache;

    @Inject
    ProjectionVersion version;

    @Test
    void aSecondIdenticalRequestIsServedFromTheCacheAndAnyChangeIsOnTheNextRequest() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        String analyst = Tokens.analyst();
        List<Opened> counted = new ArrayList<>();
        try (PlatformEvents events = new PlatformEvents()) {
            for (int i = 0; i < 5; i++) {
                counted.add(events.survivor("RWP", MONTH).withStatisticsConsent().open());
            }
        }
        awaitShown(analyst, TABLE, MONTH, MONTH, "RWP", MONTH, "TOTAL", "5");

        // Other classes' events may still be landing: compare only while the projections stood still.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            long before = version.current();
            CacheStats first = cache.stats();
            assertThat(shown(analyst, TABLE, MONTH, MONTH, "RWP", MONTH, "TOTAL")).isEqualTo("5");
            assertThat(shown(analyst, "survivors-by-channel", MONTH, MONTH, "PK-PB", MONTH, "WALK_IN"))
                    .as("another table of the same period and viewer").isEqualTo("5");
            CacheStats second = cache.stats();
            assertThat(version.current()).isEqualTo(before);
            assertThat(second.missCount()).as("nothing recomputed").isEqualTo(first.missCount());
            assertThat(second.hitCount()).as("both served from the cache").isEqualTo(first.hitCount() + 2);
        });

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            long before = version.current();
            CacheStats first = cache.stats();
            assertThat(shown(Tokens.supervisor("RWP"), TABLE, MONTH, MONTH, "RWP", MONTH, "TOTAL")).isEqualTo("5");
            assertThat(version.current()).isEqualTo(before);
            assertThat(cache.stats().missCount()).as("a supervisor's figures are protected for it alone")
                    .isEqualTo(first.missCount() + 1);
        });

        long beforeNewCase = version.current();
        try (PlatformEvents events = new PlatformEvents()) {
            counted.add(events.survivor("RWP", MONTH).withStatisticsConsent().open());
        }
        awaitShown(analyst, TABLE, MONTH, MONTH, "RWP", MONTH, "TOTAL", "6");
        assertThat(version.current()).as("raised with the projection").isGreaterThan(beforeNewCase);

        try (PlatformEvents events = new PlatformEvents()) {
            events.consentWithdrawn(counted.get(0), "STATISTICS", counted.get(0).statisticsConsent());
        }
        awaitShown(analyst, TABLE, MONTH, MONTH, "RWP", MONTH, "TOTAL", "5");
        assertThat(shown(Tokens.supervisor("RWP"), TABLE, MONTH, MONTH, "RWP", MONTH, "TOTAL"))
                .as("for every viewer").isEqualTo("5");
    }

    /**
     * A change counts in the month of arrival of its case: the figures of a period without that month stay cached
     * (their months' version is unchanged), while those of a period with it are computed again. 2022-03 and 2022-04
     * belong to this class.
     */
    @Test
    void aChangeToAnotherMonthLeavesTheFiguresOfAPeriodWithoutItCached() {
        String analyst = Tokens.analyst();
        String march = "2022-03";
        String april = "2022-04";
        try (PlatformEvents events = new PlatformEvents()) {
            for (int i = 0; i < 5; i++) {
                events.survivor("RWP", march).withStatisticsConsent().open();
            }
        }
        awaitShown(analyst, TABLE, march, march, "RWP", march, "TOTAL", "5");
        Periods marchOnly = new Periods(YearMonth.parse(march), YearMonth.parse(march));
        Periods aprilOnly = new Periods(YearMonth.parse(april), YearMonth.parse(april));
        // The cases' second events (case-opened v2) may still be landing: go on once march stood still.
        long marchBefore = await().atMost(Duration.ofSeconds(30)).until(() -> {
            long before = version.of(marchOnly);
            assertThat(shown(analyst, TABLE, march, march, "RWP", march, "TOTAL")).isEqualTo("5");
            return version.of(marchOnly) == before ? before : null;
        }, v -> v != null);
        assertThat(shown(analyst, TABLE, april, april, "RWP", april, "TOTAL")).isEqualTo("0");
        long aprilBefore = version.of(aprilOnly);

        try (PlatformEvents events = new PlatformEvents()) {
            for (int i = 0; i < 5; i++) {
                events.survivor("RWP", april).withStatisticsConsent().open();
            }
        }
        awaitShown(analyst, TABLE, april, april, "RWP", april, "TOTAL", "5");
        assertThat(version.of(aprilOnly))
                .as("april's figures changed").isGreaterThan(aprilBefore);
        assertThat(version.of(marchOnly))
                .as("march's did not").isEqualTo(marchBefore);

        CacheStats first = cache.stats();
        assertThat(shown(analyst, TABLE, march, march, "RWP", march, "TOTAL")).isEqualTo("5");
        assertThat(cache.stats().missCount()).as("march served from the cache").isEqualTo(first.missCount());
        assertThat(shown(analyst, TABLE, march, april, "RWP", april, "TOTAL"))
                .as("a period with april is computed again").isEqualTo("5");
    }
}
