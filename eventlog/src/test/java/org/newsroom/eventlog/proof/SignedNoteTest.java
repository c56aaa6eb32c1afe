package org.newsroom.eventlog.proof;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Signed notes and checkpoints as C2SP specifies them, against the signed-note spec's own example. */
class SignedNoteTest {

    /** The example of c2sp.org/signed-note: this verifier key verifies this note. */
    private static final String SPEC_VKEY = "example.com/foo+530d903a+AekyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2k";

    private static final String SPEC_NOTE = "This is an example message.\n\n"
            + "\u2014 example.com/foo Uw2QOkn8srV1yJGh2VYRlL1Tnagv1YEq6TfXppzi2ONncAlTgK7Ztg1ERYNZXsYjOBH3mFXmRKuwHjG1Yu72IneyaQM=\n";

    @TempDir
    Path directory;

    @Test
    void theSpecsExampleKeyVerifiesTheSpecsExampleNote() {
        NoteVerifier key = NoteVerifier.parse(SPEC_VKEY);

        assertThat(key.keyIdHex()).isEqualTo("530d903a");
        assertThat(NoteVerifier.keyId(key.name(), key.publicKey())).isEqualTo(key.keyId());
        assertThat(key.vkey()).isEqualTo(SPEC_VKEY);
        assertThat(SignedNote.open(SPEC_NOTE, List.of(key))).isEqualTo("This is an example message.\n");
    }

    @Test
    void aSignedCheckpointOpensWithItsKeyAndNotWithAnother() {
        NoteSigner signer = NoteSigner.generate("newsroom.example/log");
        Checkpoint checkpoint = new Checkpoint("newsroom.example/log", 42, MerkleTree.leafHash(new byte[] {1}));

        String note = SignedNote.sign(checkpoint.text(), signer);

        assertThat(note).startsWith(checkpoint.text() + "\n\u2014 newsroom.example/log ");
        assertThat(Checkpoint.parse(SignedNote.open(note, List.of(signer.verifier()))))
                .isEqualTo(checkpoint);
        NoteVerifier stranger = NoteSigner.generate("newsroom.example/log").verifier();
        assertThatThrownBy(() -> SignedNote.open(note, List.of(stranger)))
                .isInstanceOf(SignedNote.InvalidNote.class)
                .hasMessageContaining("no signature of a known key");
        assertThat(SignedNote.open(note, List.of(stranger, signer.verifier()))).isEqualTo(checkpoint.text());
    }

    @Test
    void anAlteredTextOrSignatureIsRefused() {
        NoteSigner signer = NoteSigner.generate("newsroom.example/log");
        String note = SignedNote.sign("newsroom.example/log\n7\n" + base64(32) + "\n", signer);

        String altered = note.replace("\n7\n", "\n8\n");
        assertThatThrownBy(() -> SignedNote.open(altered, List.of(signer.verifier())))
                .isInstanceOf(SignedNote.InvalidNote.class)
                .hasMessageContaining("does not verify");
        assertThatThrownBy(() -> SignedNote.open(note.replace("\n\n", "\n"), List.of(signer.verifier())))
                .isInstanceOf(SignedNote.InvalidNote.class);
    }

    @Test
    void aWitnessesCosignatureOfAnUnknownKeyIsIgnored() {
        NoteSigner log = NoteSigner.generate("newsroom.example/log");
        NoteSigner witness = NoteSigner.generate("witness.example/w1");
        String note = SignedNote.sign("newsroom.example/log\n7\n" + base64(32) + "\n", log);
        String witnessLine = SignedNote.sign("newsroom.example/log\n7\n" + base64(32) + "\n", witness)
                .substring(note.indexOf("\n\n") + 2);

        String cosigned = note + witnessLine;

        assertThat(SignedNote.open(cosigned, List.of(log.verifier()))).startsWith("newsroom.example/log\n7\n");
        assertThat(SignedNote.open(cosigned, List.of(log.verifier(), witness.verifier())))
                .startsWith("newsroom.example/log\n7\n");
    }

    @Test
    void aKeyReadsTheSameFromItsPemItsSeedAndItsBase64() throws IOException {
        NoteSigner generated = NoteSigner.generate("newsroom.example/log");
        Path pem = Files.writeString(directory.resolve("key.pem"), generated.pkcs8Pem());

        NoteSigner fromPem = SigningKeys.fromFile("newsroom.example/log", pem);

        assertThat(fromPem.verifier()).isEqualTo(generated.verifier());
        byte[] der = Base64.getMimeDecoder()
                .decode(generated.pkcs8Pem().replaceAll("-----[A-Z ]+-----", "").strip());
        byte[] seed = java.util.Arrays.copyOfRange(der, der.length - 32, der.length);
        Path raw = Files.write(directory.resolve("key.raw"), seed);
        assertThat(SigningKeys.fromFile("newsroom.example/log", raw).verifier()).isEqualTo(generated.verifier());
        assertThat(SigningKeys.fromText(
                                "newsroom.example/log", Base64.getEncoder().encodeToString(seed))
                        .verifier())
                .isEqualTo(generated.verifier());
    }

    @Test
    void theEmbeddedDefaultGeneratesItsKeyOnceOwnerOnly() throws IOException {
        SigningKeys.Loaded first = SigningKeys.load("newsroom.example/log", null, null, true, directory);
        SigningKeys.Loaded second = SigningKeys.load("newsroom.example/log", null, null, true, directory);

        assertThat(first.generated()).isTrue();
        assertThat(second.generated()).isFalse();
        assertThat(second.signer().verifier()).isEqualTo(first.signer().verifier());
        Path file = directory.resolve(SigningKeys.GENERATED_FILE);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        assertThat(Files.readString(file, StandardCharsets.US_ASCII)).startsWith("-----BEGIN PRIVATE KEY-----");
    }

    @Test
    void aRealMongoDbWithoutAKeyRefusesToStart() {
        assertThatThrownBy(() -> SigningKeys.load("newsroom.example/log", null, "", false, directory))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("newsroom.transparency.signing-key-file")
                .hasMessageContaining("NEWSROOM_SIGNING_KEY");
        assertThat(directory.resolve(SigningKeys.GENERATED_FILE)).doesNotExist();
    }

    @Test
    void everyVerifierKeyParsesBackEvenWithAPlusInItsBase64() {
        int withPlus = 0;
        for (int i = 0; i < 64; i++) {
            NoteVerifier key = NoteSigner.generate("newsroom.example/log").verifier();
            withPlus += key.vkey().indexOf('+', "newsroom.example/log+12345678+".length()) >= 0 ? 1 : 0;
            assertThat(NoteVerifier.parse(key.vkey())).isEqualTo(key);
        }
        assertThat(withPlus).as("keys whose base64 holds a '+'").isPositive();
    }

    @Test
    void aVerifierKeyWithAForeignKeyIdIsRefused() {
        String forged = SPEC_VKEY.replace("530d903a", "530d903b");

        assertThatThrownBy(() -> NoteVerifier.parse(forged)).isInstanceOf(IllegalArgumentException.class);
    }

    private static String base64(int bytes) {
        return Base64.getEncoder().encodeToString(new byte[bytes]);
    }
}
