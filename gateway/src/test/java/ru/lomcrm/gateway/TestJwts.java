package ru.lomcrm.gateway;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * For gateway tests that must run without Keycloak: the resource server checks tokens against a
 * key made here, and the sign-in provider's endpoints are given explicitly (no discovery at start).
 */
final class TestJwts {

    private static final KeyPair KEYS = keys();
    private static final String ISSUER = "http://127.0.0.1:8180/realms/crm";

    private TestJwts() {
    }

    static void register(DynamicPropertyRegistry registry) {
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", () -> "");
        registry.add("spring.security.oauth2.resourceserver.jwt.public-key-location", TestJwts::publicKeyFile);
        String oidc = ISSUER + "/protocol/openid-connect";
        registry.add("spring.security.oauth2.client.registration.keycloak.provider", () -> "offline");
        registry.add("spring.security.oauth2.client.provider.offline.authorization-uri", () -> oidc + "/auth");
        registry.add("spring.security.oauth2.client.provider.offline.token-uri", () -> oidc + "/token");
        registry.add("spring.security.oauth2.client.provider.offline.jwk-set-uri", () -> oidc + "/certs");
        registry.add("spring.security.oauth2.client.provider.offline.user-info-uri", () -> oidc + "/userinfo");
        registry.add("spring.security.oauth2.client.provider.offline.user-name-attribute", () -> "preferred_username");
        registry.add("crm.keycloak-url", () -> "http://127.0.0.1:8180");
    }

    /** A token as Keycloak issues it to crm-cli for a user. */
    static String token(String sub, String username, String... roles) {
        try {
            JWTClaimsSet claims = new JWTClaimsSet.Builder()
                    .issuer(ISSUER).subject(sub).claim("azp", "crm-cli").claim("preferred_username", username)
                    .claim("roles", List.of(roles)).issueTime(new Date())
                    .expirationTime(Date.from(Instant.now().plusSeconds(600))).build();
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
            jwt.sign(new RSASSASigner((RSAPrivateKey) KEYS.getPrivate()));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String publicKeyFile() {
        try {
            Path file = Files.createTempFile("gateway-test-key", ".pub");
            file.toFile().deleteOnExit();
            String pem = "-----BEGIN PUBLIC KEY-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(KEYS.getPublic().getEncoded())
                    + "\n-----END PUBLIC KEY-----\n";
            Files.writeString(file, pem);
            return file.toUri().toString();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair keys() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
