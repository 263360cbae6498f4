package com.dealbridge.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SeedFileTest {

    @TempDir
    Path dir;

    @Test
    void keepsEveryValueExactlyAcrossReloads() {
        Path path = dir.resolve("data/tokens.properties");
        SeedFile seeds = SeedFile.load(path);
        seeds.put("partner.name", "Acme = Partners: Zürich");
        seeds.put("partner-user.alice.token", "tok_abc/def+ghi==");

        SeedFile reloaded = SeedFile.load(path);

        assertThat(reloaded.get("partner.name")).contains("Acme = Partners: Zürich");
        assertThat(reloaded.get("partner-user.alice.token")).contains("tok_abc/def+ghi==");
        assertThat(reloaded.get("sales-rep.rita.token")).isEmpty();
    }

    @Test
    void isCompleteOnlyOnceMarkedSoAnInterruptedSeedingResumes() {
        Path path = dir.resolve("tokens.properties");
        SeedFile seeds = SeedFile.load(path);
        seeds.put("partner.id", "p-1");
        assertThat(SeedFile.load(path).isComplete()).isFalse();

        seeds.markComplete();

        assertThat(SeedFile.load(path).isComplete()).isTrue();
    }

    @Test
    void aMissingFileMeansNothingWasSeeded() {
        SeedFile seeds = SeedFile.load(dir.resolve("absent.properties"));

        assertThat(seeds.isComplete()).isFalse();
        assertThat(seeds.get("partner.id")).isEmpty();
        assertThat(dir.resolve("absent.properties")).doesNotExist();
    }
}
