package org.arcc.common.audit.api;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Anchors of this service's trail that another service holds (its {@code anchors-held}), to check the trail
 * against as well as against the anchors stored here. Each must carry a valid signature of this service.
 */
public record CrossCheckRequest(@NotNull @Size(min = 1, max = AnchorsHeld.MAX) List<@NotNull @Valid SignedHeadsView> anchors) {
}
