package org.arcc.common.retention;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How long infrastructure records are kept (docs/operations.md, "Retention"). */
@ConfigMapping(prefix = "arcc.retention")
public interface RetentionSettings {

    /**
     * How long a consumer remembers an applied event id. It must outlive any redelivery of that event:
     * offsets are committed after each poll, so redelivery after a crash or rebalance is of minutes.
     */
    @WithDefault("7d")
    Duration inbox();

    /** How often expired records are purged. */
    @WithDefault("15m")
    Duration purgeInterval();

    /** Rows deleted per statement, so a purge never holds long locks. */
    @WithDefault("1000")
    int purgeBatch();
}
