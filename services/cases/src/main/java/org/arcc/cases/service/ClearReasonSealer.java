package org.arcc.cases.service;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.arcc.cases.domain.CaseTransfer;
import org.arcc.cases.domain.Referral;
import org.arcc.common.crypto.FieldCipher;
import org.hibernate.query.NativeQuery;
import org.hibernate.type.StandardBasicTypes;
import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;

/**
 * Seals, once, the transfer and referral reasons written in clear before migration V11, and blanks the clear
 * columns. Rows are locked with SKIP LOCKED, so instances starting together share the work.
 */
@ApplicationScoped
public class ClearReasonSealer {

    private static final Logger LOG = Logger.getLogger(ClearReasonSealer.class);

    @Inject
    EntityManager em;

    @Inject
    FieldCipher cipher;

    void onStart(@Observes StartupEvent start) {
        int sealed = sealAll();
        if (sealed > 0) {
            LOG.infof("Sealed the clear reasons of %d transfers and referrals written before V11", sealed);
        }
    }

    @Transactional
    int sealAll() {
        int sealed = 0;
        @SuppressWarnings("unchecked")
        List<Object[]> transfers = em.createNativeQuery("""
                SELECT id, data_key_id, reason, decline_reason FROM case_transfer
                WHERE reason IS NOT NULL OR decline_reason IS NOT NULL FOR UPDATE SKIP LOCKED""").getResultList();
        for (Object[] t : transfers) {
            UUID id = (UUID) t[0];
            FieldCipher.OpenKey key = keyOf(id, (UUID) t[1]);
            em.createNativeQuery("""
                    UPDATE case_transfer SET data_key_id = ?1, reason_sealed = coalesce(?2, reason_sealed),
                        decline_reason_sealed = coalesce(?3, decline_reason_sealed), reason = NULL, decline_reason = NULL
                    WHERE id = ?4""")
                    .unwrap(NativeQuery.class)
                    .setParameter(1, key.id())
                    .setParameter(2, cipher.encrypt(key, CaseTransfer.REASON, (String) t[2]), StandardBasicTypes.BINARY)
                    .setParameter(3, cipher.encrypt(key, CaseTransfer.DECLINE_REASON, (String) t[3]),
                            StandardBasicTypes.BINARY)
                    .setParameter(4, id).executeUpdate();
            sealed++;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> referrals = em.createNativeQuery("""
                SELECT id, data_key_id, decline_reason FROM referral
                WHERE decline_reason IS NOT NULL FOR UPDATE SKIP LOCKED""").getResultList();
        for (Object[] r : referrals) {
            UUID id = (UUID) r[0];
            FieldCipher.OpenKey key = keyOf(id, (UUID) r[1]);
            em.createNativeQuery("""
                    UPDATE referral SET data_key_id = ?1, decline_reason_sealed = ?2, decline_reason = NULL
                    WHERE id = ?3""")
                    .setParameter(1, key.id())
                    .setParameter(2, cipher.encrypt(key, Referral.DECLINE_REASON, (String) r[2]))
                    .setParameter(3, id).executeUpdate();
            sealed++;
        }
        return sealed;
    }

    private FieldCipher.OpenKey keyOf(UUID record, UUID existing) {
        return existing == null ? cipher.newDataKey(record.toString()) : cipher.open(existing, record.toString());
    }
}
