package org.arcc.load;

import org.arcc.testing.TestTiersCheck;
import org.arcc.testing.UnitTest;

/** The tiers of this module's tests are checked: see {@code TestTiersCheck}. */
@UnitTest
class TestTiersTest extends TestTiersCheck {
}
