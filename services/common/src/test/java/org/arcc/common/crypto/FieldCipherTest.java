package org.arcc.common.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.arcc.testing.EmbeddedPostgresResource;
import org.arcc.testing.KafkaBrokerResource;
import org.arcc.testing.OidcTestServerResource;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Envelope encryption against the real database: round trips, binding, shredding, rotation, blind index. */
@QuarkusTest
@WithTestResource(value = EmbeddedPostgresResource.class, initArgs = @ResourceArg(name = "database", value = "backbone"))
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(OidcTestServerResource.class)
class FieldCipherTest {

    private static final String K1 = "k1:MnYYlHrxXLopjsuBJZZSbF4bc3C9hTGKeoIE0QboYaM=";
    private static final String K2 = "k2:XP/6hrLddIaxYgLPlyv0JXpJ6OMLH0WFtPhcpu5GZAI=";
    private static final String INDEX = "Ww1Gbu3sMw1HZyMrLCZqONN7/EBw1UEKUVr5XBVOQ3U=";

    @Inject
    FieldCipher cipher;

    @Inject
    EntityManager entityManager;

    @Test
    void encryptsAndDecryptsAFieldUnderItsRecordsKey() {
        byte[][] sealed = new byte[2][];
        UUID keyId = QuarkusTransaction.requiringNew().call(() -> {
            FieldCipher.OpenKey key = cipher.newDataKey("record-1");
            sealed[0] = cipher.encrypt(key, "name", "Zarmeena Test-Survivor");
            sealed[1] = cipher.encrypt(key, "name", "Zarmeena Test-Survivor");
            return key.id();
        });
        assertThat(new String(sealed[0], StandardCharsets.ISO_8859_1)).doesNotContain("Zarmeena");
        assertThat(sealed[0]).as("a fresh nonce each time").isNotEqualTo(sealed[1]);

        String read = QuarkusTransaction.requiringNew().call(() -> cipher.decrypt(cipher.open(keyId, "record-1"), "name", sealed[0]));
        assertThat(read).isEqualTo("Zarmeena Test-Survivor");
    }

    @Test
    void aCiphertextMovedToAnotherFieldOrRecordDoesNotDecrypt() {
        UUID keyId = QuarkusTransaction.requiringNew().call(() -> {
            FieldCipher.OpenKey key = cipher.newDataKey("record-1");
            FieldCipher.OpenKey other = cipher.newDataKey("record-1");
            byte[] phone = cipher.encrypt(key, "phone", "+92 300 0000000");
            assertThatThrownBy(() -> cipher.decrypt(key, "address", phone)).hasMessageContaining("authentication");
            assertThatThrownBy(() -> cipher.decrypt(other, "phone", phone)).hasMessageContaining("authentication");
            phone[phone.length - 1] ^= 1;
            assertThatThrownBy(() -> cipher.decrypt(key, "phone", phone)).hasMessageContaining("authentication");
            return key.id();
        });
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> cipher.open(keyId, "record-2")))
                .as("a key moved to another record").hasMessageContaining("authentication");
    }

    @Test
    void shreddingTheDataKeyMakesTheRecordUnreadableForGood() {
        byte[][] sealed = new byte[1][];
        UUID keyId = QuarkusTransaction.requiringNew().call(() -> {
            FieldCipher.OpenKey key = cipher.newDataKey("record-1");
            sealed[0] = cipher.encrypt(key, "cnic", "42101-1234567-1");
            return key.id();
        });
        QuarkusTransaction.requiringNew().run(() -> cipher.shred(keyId));
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> cipher.open(keyId, "record-1")))
                .isInstanceOf(ShreddedException.class);
        Object wrapped = QuarkusTransaction.requiringNew().call(() -> entityManager
                .createNativeQuery("SELECT wrapped FROM data_key WHERE id = ?1").setParameter(1, keyId).getSingleResult());
        assertThat(wrapped).as("no copy of the key remains").isNull();
    }

    @Test
    void afterARotationOldRecordsStayReadableAndNewOnesUseTheNewKey() {
        FieldCipher before = cipherWith(List.of(K1), "k1");
        FieldCipher after = cipherWith(List.of(K1, K2), "k2");
        byte[][] sealed = new byte[2][];
        UUID[] ids = new UUID[2];
        QuarkusTransaction.requiringNew().run(() -> {
            FieldCipher.OpenKey old = before.newDataKey("record-1");
            ids[0] = old.id();
            sealed[0] = before.encrypt(old, "name", "written before the rotation");
        });
        QuarkusTransaction.requiringNew().run(() -> {
            FieldCipher.OpenKey fresh = after.newDataKey("record-1");
            ids[1] = fresh.id();
            sealed[1] = after.encrypt(fresh, "name", "written after the rotation");
        });
        QuarkusTransaction.requiringNew().run(() -> {
            assertThat(after.decrypt(after.open(ids[0], "record-1"), "name", sealed[0])).isEqualTo("written before the rotation");
            assertThat(after.decrypt(after.open(ids[1], "record-1"), "name", sealed[1])).isEqualTo("written after the rotation");
            assertThat(after.wrappingKeyOf(ids[0])).isEqualTo("k1");
            assertThat(after.wrappingKeyOf(ids[1])).isEqualTo("k2");
            assertThatThrownBy(() -> before.open(ids[1], "record-1")).as("k2 records need k2").hasMessageContaining("k2");
        });
    }

    @Test
    void blindIndexesMatchEqualValuesOnlyAndDependOnTheirPurpose() {
        String a = cipher.blindIndex("cnic", "4210112345671");
        assertThat(cipher.blindIndex("cnic", "4210112345671")).isEqualTo(a);
        assertThat(cipher.blindIndex("cnic", "4210112345672")).isNotEqualTo(a);
        assertThat(cipher.blindIndex("phone", "4210112345671")).isNotEqualTo(a);
        assertThat(a).hasSize(64).doesNotContain("42101");
    }

    @Test
    void missingOrMalformedKeysStopTheServiceWithAClearMessage() {
        assertThatThrownBy(() -> new KeyRing(settings(Optional.empty(), Optional.of("k1"), Optional.of(INDEX))))
                .hasMessageContaining("arcc.crypto.keys is not set");
        assertThatThrownBy(() -> new KeyRing(settings(Optional.of(List.of("k1:AAAA")), Optional.of("k1"), Optional.of(INDEX))))
                .hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> new KeyRing(settings(Optional.of(List.of(K1)), Optional.of("k9"), Optional.of(INDEX))))
                .hasMessageContaining("active-key names no key");
    }

    private FieldCipher cipherWith(List<String> keys, String active) {
        FieldCipher other = new FieldCipher();
        other.keys = new KeyRing(settings(Optional.of(keys), Optional.of(active), Optional.of(INDEX)));
        other.entityManager = entityManager;
        return other;
    }

    private static CryptoSettings settings(Optional<List<String>> keys, Optional<String> active, Optional<String> index) {
        return new CryptoSettings() {
            @Override
            public Optional<List<String>> keys() {
                return keys;
            }

            @Override
            public Optional<String> activeKey() {
                return active;
            }

            @Override
            public Optional<String> blindIndexKey() {
                return index;
            }
        };
    }
}
