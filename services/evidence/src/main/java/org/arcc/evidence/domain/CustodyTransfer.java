package org.arcc.evidence.domain;

import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A handover waiting for (or matched by) the addressee's receipt. */
@Entity
@Table(name = "custody_transfer")
public class CustodyTransfer extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "item_id", nullable = false)
    public UUID itemId;

    @Column(name = "from_holder", nullable = false)
    public String fromHolder;

    @Column(name = "to_holder", nullable = false)
    public String toHolder;

    @Column(name = "seal_number")
    public String sealNumber;

    @Column(name = "sent_sequence", nullable = false)
    public long sentSequence;

    @Column(nullable = false)
    public boolean received;

    /** The action the handover was recorded as (TRANSFERRED, SUBMITTED_TO_LAB or RETURNED); not stored. */
    @jakarta.persistence.Transient
    public CustodyAction action;

    public static Optional<CustodyTransfer> openFor(UUID itemId) {
        return find("itemId = ?1 and received = false", itemId).firstResultOptional();
    }

    public static java.util.List<UUID> itemsAddressedTo(Holder holder) {
        return find("toHolder = ?1 and received = false", holder.toString()).<CustodyTransfer>list().stream()
                .map(t -> t.itemId).toList();
    }
}
