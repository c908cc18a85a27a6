package dev.slsguard.engine.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.slsguard.engine.UserError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code pack.yml}: what it may say, what it defaults to, and its errors with file and line. */
class OrgPackTest {

    private static final String RULE = """
            package org.acme.%s;
            import dev.slsguard.engine.model.Service;
            rule "r"
              @id("%s") @severity("note")
            when
              Service()
            then
            end
            """;

    @TempDir
    Path dir;

    private Path pack(String name, String manifest) throws IOException {
        Path pack = dir.resolve(name);
        Files.createDirectories(pack);
        if (manifest != null) {
            Files.writeString(pack.resolve("pack.yml"), manifest);
        }
        return pack;
    }

    @Test
    void theManifestNamesVersionsAndDescribesThePack() throws IOException {
        Path pack = pack("guard", "name: acme-guardrails\nversion: '1.10'\ndescription: >\n  Acme's rules\n  for all teams\n");
        assertEquals(new OrgPack("acme-guardrails", Optional.of("1.10"), Optional.of("Acme's rules for all teams"),
                "x/guard"), OrgPack.read(pack, "x/guard/"));
        assertEquals("acme-guardrails 1.10", OrgPack.read(pack, "x/guard").label());
        Path integer = pack("int", "version: 2\n");
        assertEquals(new OrgPack("int", Optional.of("2"), Optional.empty(), "int"), OrgPack.read(integer, "int"));
    }

    @Test
    void withoutAManifestOrANameThePackIsNamedAfterItsDirectory() throws IOException {
        assertEquals(new OrgPack("plain", Optional.empty(), Optional.empty(), "plain"),
                OrgPack.read(pack("plain", null), "plain"));
        assertEquals("empty", OrgPack.read(pack("empty", ""), "empty").name());
        assertEquals("plain", OrgPack.read(pack("plain", null), "plain").label());
    }

    @Test
    void manifestErrorsNameFileAndLine() throws IOException {
        UserError unknown = assertThrows(UserError.class,
                () -> OrgPack.read(pack("a", "name: a\nowner: platform\n"), "a"));
        assertEquals("a/pack.yml:2:1", unknown.location().toString());
        assertEquals("unknown key \"owner\" in pack.yml (allowed: name, version, description)", unknown.getMessage());

        UserError number = assertThrows(UserError.class, () -> OrgPack.read(pack("b", "name: b\nversion: 1.10\n"), "b"));
        assertEquals("b/pack.yml:2:10", number.location().toString());
        assertEquals("version in pack.yml must be text, not a number; quote it (version: \"1.10\") so that it is"
                + " read as written", number.getMessage());

        UserError list = assertThrows(UserError.class, () -> OrgPack.read(pack("c", "- name: c\n"), "c"));
        assertEquals("c/pack.yml:1:1", list.location().toString());
        assertEquals("pack.yml must be a mapping with name, version and description, not an array", list.getMessage());

        UserError nested = assertThrows(UserError.class,
                () -> OrgPack.read(pack("d", "name:\n  first: d\n"), "d"));
        assertEquals(2, nested.location().line());
        assertEquals("name in pack.yml must be text, not an object", nested.getMessage());

        UserError syntax = assertThrows(UserError.class, () -> OrgPack.read(pack("e", "name: [e\n"), "e"));
        assertEquals("e/pack.yml", syntax.location().file());
    }

    @Test
    void theRuleBaseKnowsThePackOfEachOrgRule() throws IOException {
        Path one = pack("one", "name: first\nversion: 1.0.0\n");
        Files.writeString(one.resolve("r.drl"), RULE.formatted("one", "ONE-1"));
        Path two = pack("two", null);
        Files.writeString(two.resolve("r.drl"), RULE.formatted("two", "TWO-1"));
        RuleBase rules = RuleBase.load(List.of(), List.of(one, two));
        assertEquals(List.of("first", "two"), rules.orgPacks().stream().map(OrgPack::name).toList());
        assertEquals(Optional.of("first 1.0.0"), rules.orgPackOf("ONE-1").map(OrgPack::label));
        assertEquals(Optional.of("two"), rules.orgPackOf("TWO-1").map(OrgPack::name));
        assertEquals(Optional.empty(), rules.orgPackOf("NONE"));
    }
}
