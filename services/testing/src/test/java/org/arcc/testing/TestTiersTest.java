package org.arcc.testing;

/** The tiers of this module's tests are checked: see {@code TestTiersCheck}. */
@UnitTest
class TestTiersTest extends TestTiersCheck {
}
