package org.arcc.evidence.domain.custody;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.arcc.evidence.domain.Custodian;
import org.arcc.evidence.domain.CustodyAction;
import org.arcc.evidence.domain.CustodyTransfer;
import org.arcc.evidence.domain.EvidenceItem;
import org.arcc.evidence.domain.Holder;
import org.arcc.evidence.domain.ItemType;
import org.arcc.evidence.domain.Stage;

/** Object Mother for custody rules: items in the states the rules care about, and who acts on them. */
final class AnItem {

    static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");
    static final Holder KHI = Holder.cell("KHI");
    static final Holder LAB = Holder.custodian("pfsa-lhe");
    static final Holder COURT = Holder.custodian("court-khi");
    static final Holder POLICE = Holder.custodian("police-khi");
    static final ItemCustody.Actor KHI_STAFF = new ItemCustody.Actor(KHI, true);
    static final ItemCustody.Actor KHI_LEGAL_OFFICER = new ItemCustody.Actor(KHI, false);
    static final ItemCustody.Actor THE_LAB = new ItemCustody.Actor(LAB, true);
    static final ItemCustody.Actor THE_COURT = new ItemCustody.Actor(COURT, true);
    static final ItemCustody.Actor THE_POLICE = new ItemCustody.Actor(POLICE, true);
    static final ItemCustody.Custodians CUSTODIANS = id -> Optional.ofNullable(Map.of(
            "pfsa-lhe", Custodian.Kind.LAB, "court-khi", Custodian.Kind.COURT, "police-khi", Custodian.Kind.POLICE)
            .get(id));

    /** A swab kit collected and sealed by the Karachi cell, which holds it. */
    static EvidenceItem heldByTheCell() {
        EvidenceItem item = new EvidenceItem();
        item.id = UUID.randomUUID();
        item.kitNumber = "KHI-2026-000042";
        item.caseId = UUID.randomUUID();
        item.cellCode = "KHI";
        item.type = ItemType.values()[0];
        item.sealNumber = "S-1001";
        item.collectedBy = "mo-1@KHI";
        item.collectedAt = NOW.minusSeconds(3600);
        item.holder = KHI.toString();
        item.stage = Stage.COLLECTED;
        return item;
    }

    static EvidenceItem heldBy(Holder holder, Stage stage) {
        EvidenceItem item = heldByTheCell();
        item.holder = holder.toString();
        item.stage = stage;
        return item;
    }

    /** The item's handover from its holder to {@code to}, sent under the item's seal and not yet received. */
    static CustodyTransfer onItsWayTo(EvidenceItem item, Holder to) {
        CustodyTransfer t = new CustodyTransfer();
        t.id = UUID.randomUUID();
        t.itemId = item.id;
        t.fromHolder = item.holder;
        t.toHolder = to.toString();
        t.sealNumber = item.sealNumber;
        t.sentSequence = 2;
        t.action = CustodyAction.TRANSFERRED;
        item.stage = Stage.IN_TRANSIT;
        return t;
    }

    static ItemCustody custody(EvidenceItem item) {
        return new ItemCustody(item, null, CUSTODIANS);
    }

    static ItemCustody custody(EvidenceItem item, CustodyTransfer open) {
        return new ItemCustody(item, open, CUSTODIANS);
    }

    private AnItem() {
    }
}
