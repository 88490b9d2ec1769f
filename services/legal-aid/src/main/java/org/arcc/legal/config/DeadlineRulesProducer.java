package org.arcc.legal.config;

import java.util.EnumMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import org.arcc.legal.domain.DeadlineCode;
import org.arcc.legal.domain.DeadlineRule;
import org.arcc.legal.domain.DeadlineRules;

/** The configured deadline rules; a rule missing or unreadable stops the service at start-up. */
public class DeadlineRulesProducer {

    @Produces
    @ApplicationScoped
    DeadlineRules rules(LegalSettings settings) {
        Map<DeadlineCode, DeadlineRule> rules = new EnumMap<>(DeadlineCode.class);
        for (DeadlineCode code : DeadlineCode.values()) {
            LegalSettings.Rule rule = settings.deadlines().get(code);
            if (rule == null) {
                throw new IllegalStateException("No rule configured for deadline " + code
                        + " (arcc.legal.deadlines." + code + ".period, .statutory, .source)");
            }
            rules.put(code, new DeadlineRule(code, rule.period(), rule.statutory(), rule.source()));
        }
        return new DeadlineRules(rules);
    }
}
