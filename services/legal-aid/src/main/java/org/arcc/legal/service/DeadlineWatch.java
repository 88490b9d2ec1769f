package org.arcc.legal.service;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;

/**
 * Looks for deadlines that passed with the step not taken and publishes each breach once, so nobody has to open
 * a file for its breach to be known. A late step recorded later is published by its use case instead.
 */
@ApplicationScoped
public class DeadlineWatch {

    private static final Logger LOG = Logger.getLogger(DeadlineWatch.class);

    @Inject
    Deadlines deadlines;

    @Inject
    LegalFiles files;

    @Scheduled(every = "{arcc.legal.deadline-scan}", delayed = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scan() {
        try {
            for (UUID caseId : deadlines.overdueUnmarked()) {
                files.checkDeadlines(caseId);
            }
        } catch (RuntimeException e) {
            LOG.warnf("Legal deadline scan failed, will retry: %s", e.getClass().getSimpleName());
        }
    }
}
