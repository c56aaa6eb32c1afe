import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * Runs {@code node} or {@code npm} with a Node.js recent enough to build the web UI, so that a machine with only a JDK
 * can build Newsroom: the machine's own Node.js when it is 20.19 or later, otherwise one fetched once from the npm
 * registry (the {@code node-<os>-<arch>} and {@code npm} packages, checked against their published SHA-512) into
 * {@code ~/.cache/newsroom}. Usage: {@code java ui/tools/Node.java npm ci} or {@code java ui/tools/Node.java node x.mjs}.
 */
public class Node {

    private static final String NODE_VERSION = "22.23.3";
    private static final String NPM_VERSION = "11.6.2";
    private static final String REGISTRY = "https://registry.npmjs.org/";
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();

    public static void main(String[] args) throws Exception {
        if (args.length == 0 || !List.of("node", "npm").contains(args[0])) {
            System.err.println("usage: java Node.java (node|npm) [arguments...]");
            System.exit(2);
        }
        List<String> command = new ArrayList<>();
        String path = System.getenv().getOrDefault("PATH", "");
        if (machineNodeIsRecentEnough()) {
            command.add(args[0]);
        } else {
            Path home = fetched();
            Path node = home.resolve("node/package/bin").resolve(isWindows() ? "node.exe" : "node");
            path = node.getParent() + java.io.File.pathSeparator + path;
            command.add(node.toString());
            if (args[0].equals("npm")) {
                command.add(home.resolve("npm/package/bin/npm-cli.js").toString());
            }
        }
        command.addAll(List.of(args).subList(1, args.length));
        ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
        builder.environment().put("PATH", path);
        System.exit(builder.start().waitFor());
    }

    private static boolean machineNodeIsRecentEnough() {
        try {
            Process probe = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
            String version = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (probe.waitFor() != 0) {
                return false;
            }
            Matcher parts = Pattern.compile("v(\\d+)\\.(\\d+)").matcher(version);
            if (!parts.find()) {
                return false;
            }
            int major = Integer.parseInt(parts.group(1));
            int minor = Integer.parseInt(parts.group(2));
            return major > 22 || (major == 22 && minor >= 12) || (major == 20 && minor >= 19);
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The fetched Node.js and npm, downloading them the first time. */
    private static Path fetched() throws Exception {
        String platform = platform();
        Path home = Path.of(System.getProperty("user.home"), ".cache", "newsroom", "node-" + NODE_VERSION + "-" + platform);
        if (!Files.exists(home.resolve("ready"))) {
            System.err.println("Node.js 20.19+ not found: fetching Node.js " + NODE_VERSION + " and npm " + NPM_VERSION
                    + " from the npm registry into " + home);
            Path staging = Files.createTempDirectory(home.getParent() == null ? Path.of(".") : createParent(home), "staging");
            unpack(download("node-" + platform, NODE_VERSION), staging.resolve("node"));
            unpack(download("npm", NPM_VERSION), staging.resolve("npm"));
            Files.writeString(staging.resolve("ready"), NODE_VERSION + "\n");
            try {
                Files.move(staging, home, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException anotherBuildWasFaster) {
                if (!Files.exists(home.resolve("ready"))) {
                    throw anotherBuildWasFaster;
                }
            }
        }
        return home;
    }

    private static Path createParent(Path home) throws IOException {
        return Files.createDirectories(home.getParent());
    }

    private static String platform() {
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
        String system = os.contains("linux") ? "linux" : os.contains("mac") ? "darwin" : os.contains("win") ? "win" : os;
        String cpu = arch.equals("amd64") || arch.equals("x86_64") ? "x64" : arch.equals("aarch64") ? "arm64" : arch;
        return system + "-" + cpu;
    }

    private static boolean isWindows() {
        return platform().startsWith("win");
    }

    /** A package's tarball, checked against the SHA-512 the registry publishes for it. */
    private static byte[] download(String name, String version) throws Exception {
        String metadata = get(REGISTRY + name + "/" + version, String.class);
        String tarball = field(metadata, "tarball");
        String integrity = field(metadata, "integrity");
        byte[] bytes = get(tarball, byte[].class);
        if (!integrity.startsWith("sha512-")) {
            throw new IllegalStateException(name + "@" + version + " has no SHA-512 integrity: " + integrity);
        }
        byte[] expected = Base64.getDecoder().decode(integrity.substring("sha512-".length()));
        if (!MessageDigest.isEqual(expected, MessageDigest.getInstance("SHA-512").digest(bytes))) {
            throw new IllegalStateException(name + "@" + version + ": the download does not match its SHA-512");
        }
        return bytes;
    }

    @SuppressWarnings("unchecked")
    private static <T> T get(String url, Class<T> type) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).build();
        HttpResponse<byte[]> response = HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + url + " answered " + response.statusCode());
        }
        return type == String.class ? (T) new String(response.body(), StandardCharsets.UTF_8) : (T) response.body();
    }

    private static String field(String json, String name) {
        Matcher matcher = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
        if (!matcher.find()) {
            throw new IllegalStateException("no " + name + " in the registry's answer");
        }
        return matcher.group(1);
    }

    /** Unpacks a .tgz (ustar, with pax or GNU long names), keeping the executable bit. */
    private static void unpack(byte[] tgz, Path target) throws IOException {
        try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(tgz))) {
            byte[] header = new byte[512];
            String longName = null;
            while (in.readNBytes(header, 0, 512) == 512 && header[0] != 0) {
                String name = text(header, 0, 100);
                String prefix = text(header, 345, 155);
                long size = Long.parseLong(text(header, 124, 12).trim().isEmpty() ? "0" : text(header, 124, 12).trim(), 8);
                int mode = Integer.parseInt(text(header, 100, 8).trim().isEmpty() ? "0" : text(header, 100, 8).trim(), 8);
                char type = (char) header[156];
                byte[] data = in.readNBytes((int) size);
                in.skipNBytes((512 - size % 512) % 512);
                if (type == 'x' || type == 'L') {
                    String content = new String(data, StandardCharsets.UTF_8);
                    longName = type == 'L' ? content.trim() : paxPath(content).orElse(longName);
                    continue;
                }
                String entry = longName != null ? longName : prefix.isEmpty() ? name : prefix + "/" + name;
                longName = null;
                Path file = target.resolve(entry).normalize();
                if (!file.startsWith(target)) {
                    throw new IOException("refusing to unpack outside the target: " + entry);
                }
                if (type == '5') {
                    Files.createDirectories(file);
                } else if (type == '0' || type == 0) {
                    Files.createDirectories(file.getParent());
                    Files.write(file, data);
                    if ((mode & 0111) != 0 && !file.toFile().setExecutable(true)) {
                        throw new IOException("cannot make " + file + " executable");
                    }
                }
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static Optional<String> paxPath(String records) {
        for (String record : records.split("\n")) {
            int space = record.indexOf(' ');
            if (space > 0 && record.startsWith("path=", space + 1)) {
                return Optional.of(record.substring(space + 1 + "path=".length()));
            }
        }
        return Optional.empty();
    }

    private static String text(byte[] header, int offset, int length) {
        int end = offset;
        while (end < offset + length && header[end] != 0) {
            end++;
        }
        return new String(header, offset, end - offset, StandardCharsets.US_ASCII);
    }
}
