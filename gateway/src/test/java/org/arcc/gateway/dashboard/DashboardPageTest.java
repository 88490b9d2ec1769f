package org.arcc.gateway.dashboard;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.arcc.gateway.StubUpstreamResource;
import org.arcc.testing.OidcTestServerResource;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/**
 * The gateway serves the dashboard: its page and everything the page loads (Chart.js from the WebJar included)
 * answer, under a Content-Security-Policy that runs only the gateway's own scripts and reaches only the gateway and
 * the identity provider; config.json tells the page where to sign in. The page itself is driven in a real browser
 * by deploy/local's DashboardBrowserIT.
 */
@QuarkusTest
@WithTestResource(OidcTestServerResource.class)
@WithTestResource(StubUpstreamResource.class)
class DashboardPageTest {

    static {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void theBareAddressLeadsToThePage() {
        given().redirects().follow(false).get("/dashboard").then().statusCode(302)
                .header("Location", endsWith("/dashboard/"));
    }

    @Test
    void thePageAndEverythingItLoadsAnswerUnderAStrictPolicy() {
        String page = given().get("/dashboard/").then().statusCode(200).contentType(containsString("text/html"))
                .header("Content-Security-Policy", containsString("script-src 'self'"))
                .header("Content-Security-Policy", containsString("default-src 'none'"))
                .header("Content-Security-Policy", not(containsString("unsafe-inline")))
                .header("Content-Security-Policy", not(containsString("unsafe-eval")))
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                .header("Cache-Control", equalTo("no-store"))
                .extract().asString();

        Matcher loaded = Pattern.compile("(?:src|href)=\"([^\"]+)\"").matcher(page);
        int count = 0;
        while (loaded.find()) {
            if (loaded.group(1).startsWith("data:")) {
                continue;
            }
            String path = loaded.group(1).startsWith("/") ? loaded.group(1) : "/dashboard/" + loaded.group(1);
            given().get(path).then().statusCode(200);
            count++;
        }
        assertThat(count).as("the page's script and style sheets").isGreaterThanOrEqualTo(3);
        for (String module : new String[] { "main", "auth", "reports-api", "i18n", "figures", "render" }) {
            given().get("/dashboard/js/" + module + ".js").then().statusCode(200)
                    .contentType(containsString("javascript"))
                    .header("Content-Security-Policy", containsString("script-src 'self'"));
        }
        given().get("/dashboard/messages/ur.json").then().statusCode(200).body("title", equalTo("اے آر سی سی ڈیش بورڈ"));
    }

    @Test
    void thePolicyLetsThePageReachOnlyTheGatewayAndTheIdentityProvider() {
        String realm = given().get("/dashboard/config.json").then().extract().path("issuer");
        String origin = realm.substring(0, realm.indexOf('/', "http://".length()));
        given().get("/dashboard/").then()
                .header("Content-Security-Policy", containsString("connect-src 'self' " + origin + ";"));
    }

    @Test
    void configTellsThePageWhereToSignIn() {
        given().get("/dashboard/config.json").then().statusCode(200).contentType(containsString("application/json"))
                .body("clientId", equalTo("arcc-web"))
                .body("issuer", endsWith("/realms/quarkus"))
                .body("authorizationEndpoint", endsWith("/realms/quarkus/protocol/openid-connect/auth"))
                .body("tokenEndpoint", endsWith("/realms/quarkus/protocol/openid-connect/token"))
                .body("api", equalTo("/api/v1/reports"));
    }
}
