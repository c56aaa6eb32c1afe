package org.newsroom.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.bson.BsonArray;
import org.bson.BsonBinaryReader;
import org.bson.BsonBinaryWriter;
import org.bson.BsonBoolean;
import org.bson.BsonDocument;
import org.bson.BsonDouble;
import org.bson.BsonInt32;
import org.bson.BsonInt64;
import org.bson.BsonObjectId;
import org.bson.BsonString;
import org.bson.BsonValue;
import org.bson.codecs.BsonDocumentCodec;
import org.bson.codecs.DecoderContext;
import org.bson.codecs.EncoderContext;
import org.bson.io.BasicOutputBuffer;
import org.bson.types.ObjectId;
import org.jspecify.annotations.Nullable;

/**
 * A MongoDB wire-protocol proxy between the driver and a test server (the embedded one, or mongo-java-server) that
 * makes the server look like the primary of a replica set, and answers chosen commands the way a replica set does when
 * something goes wrong: a write-concern error after the write was applied, {@code NotWritablePrimary} before or after
 * applying it (a step-down in the middle of a write), a connection dropped after the write was applied, majority
 * reads that lag behind the primary.
 * <p>
 * It reads each message the driver sends (the 16-byte header, then OP_MSG's flag bits and sections, or the OP_QUERY
 * of the first handshake) and the server's answer, with org.bson. The {@code hello} answers are rewritten to those of
 * the primary of the replica set {@value #SET_NAME} on the proxy's own address, with logical sessions: the driver then
 * attaches sessions to its commands and, with {@code retryWrites} (its default), retries a write once after a
 * retryable error, adding a {@code txnNumber}. The test servers keep no record of retryable writes, so the proxy plays
 * that part of a primary for the writes it applied and then failed on purpose: a retry carrying the same session and
 * {@code txnNumber} is answered with the answer the applied write got, and is not applied twice. No
 * {@code topologyVersion} is added: the servers' wire version (8) predates it, and the driver then polls
 * {@code hello} instead of streaming it, which the proxy needs, since it answers one request at a time.
 * <p>
 * Each programmed {@link Fault} fires once, on the next command that matches its {@link Command}.
 */
public final class MongoFaultProxy implements AutoCloseable {

    /** The replica set the proxy's server claims to be the primary of. */
    public static final String SET_NAME = "rs0";

    private static final int OP_REPLY = 1;
    private static final int OP_QUERY = 2004;
    private static final int OP_MSG = 2013;
    private static final int CHECKSUM_PRESENT = 1;
    private static final int MORE_TO_COME = 1 << 1;
    private static final Set<String> HELLO = Set.of("hello", "ismaster");

    private final InetSocketAddress target;
    private final ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final List<Armed> armed = new ArrayList<>();
    private final List<Command> received = new CopyOnWriteArrayList<>();
    private final Map<RetryKey, Frame> appliedAnswers = new ConcurrentHashMap<>();
    private final Map<String, Map<BsonValue, Long>> insertedAt = new ConcurrentHashMap<>();
    private final Set<Long> laggingCursors = ConcurrentHashMap.newKeySet();
    private final AtomicInteger requestIds = new AtomicInteger(1 << 24);
    private volatile @Nullable Lag lag;

    /** A proxy to the server of {@code mongoConnectionString} ({@code mongodb://host:port}), on a free local port. */
    public MongoFaultProxy(String mongoConnectionString) throws IOException {
        URI uri = URI.create(mongoConnectionString);
        this.target = new InetSocketAddress(uri.getHost(), uri.getPort());
        Thread acceptor = new Thread(this::accept, "mongo-fault-proxy-" + port());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return listener.getLocalPort();
    }

    /** {@code mongodb://127.0.0.1:<port>}: add the database and the options the test needs. */
    public String connectionString() {
        return "mongodb://127.0.0.1:" + port();
    }

    /** The next command matching {@code command} gets {@code fault} instead of its ordinary answer. */
    public synchronized void failNext(Command command, Fault fault) {
        armed.add(new Armed(command, fault));
    }

    /** How many programmed faults have not fired yet. */
    public synchronized int pendingFaults() {
        return armed.size();
    }

    /** How many commands matching {@code command} the driver sent so far, retries included. */
    public int received(Command command) {
        return (int) received.stream().filter(command::matches).count();
    }

    /**
     * For the next {@code lag}, a {@code find} with read concern {@code majority} on {@code collection} (and the
     * {@code getMore}s of its cursor) does not see the documents inserted through this proxy in the last {@code lag}:
     * the majority snapshot of a replica set whose secondaries are behind. Reads with read concern {@code local}
     * (or none) see everything, as they do on a primary.
     */
    public void lagMajorityReads(String collection, Duration lag) {
        this.lag = new Lag(collection, lag.toNanos(), System.nanoTime() + lag.toNanos());
    }

    @Override
    public void close() throws IOException {
        listener.close();
        for (Socket socket : sockets) {
            socket.close();
        }
    }

    // ---- what a test programs ----

    /** Which commands a fault applies to: a command name and, where the command has one, its collection. */
    public record Command(String name, @Nullable String collection) {

        public static Command insertInto(String collection) {
            return new Command("insert", collection);
        }

        public static Command findIn(String collection) {
            return new Command("find", collection);
        }

        boolean matches(Command sent) {
            return name.equalsIgnoreCase(sent.name) && (collection == null || collection.equals(sent.collection));
        }
    }

    /** What happens to a command instead of its ordinary answer. */
    public sealed interface Fault {

        /**
         * The command is applied, and its answer gets a {@code writeConcernError}: the primary wrote it but could not
         * confirm the write concern in time.
         */
        record WriteConcernError(int code, String codeName, String message) implements Fault {}

        /** The command is answered {@code ok: 0} with this error, after being applied or without being applied. */
        record CommandError(int code, String codeName, String message, List<String> errorLabels, boolean applied)
                implements Fault {}

        /** The command is applied, then the connection is closed before the answer is sent. */
        record DropConnectionAfterApplying() implements Fault {}

        /** {@code {code: 64, codeName: WriteConcernFailed, errmsg: waiting for replication timed out}}. */
        static Fault writeConcernTimeout() {
            return new WriteConcernError(64, "WriteConcernFailed", "waiting for replication timed out");
        }

        /**
         * {@code NotWritablePrimary} (10107) with the {@code RetryableWriteError} label, the write applied (a step-down
         * after the write) or not.
         */
        static Fault notWritablePrimary(boolean applied) {
            return new CommandError(
                    10107, "NotWritablePrimary", "not primary", List.of("RetryableWriteError"), applied);
        }

        static Fault dropConnectionAfterApplying() {
            return new DropConnectionAfterApplying();
        }
    }

    private record Armed(Command command, Fault fault) {}

    private record Lag(String collection, long nanos, long until) {}

    /** A retryable write's identity on a primary: its session and transaction number. */
    private record RetryKey(BsonValue session, long txnNumber) {

        static @Nullable RetryKey of(BsonDocument command) {
            BsonValue lsid = command.get("lsid");
            BsonValue txnNumber = command.get("txnNumber");
            if (lsid == null || !lsid.isDocument() || txnNumber == null || !txnNumber.isNumber()) {
                return null;
            }
            return new RetryKey(
                    lsid.asDocument().get("id"), txnNumber.asNumber().longValue());
        }
    }

    // ---- the proxy ----

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                sockets.add(client);
                Thread connection = new Thread(() -> serve(client), "mongo-fault-proxy-connection");
                connection.setDaemon(true);
                connection.start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    /** One client connection: the driver sends a request and waits for its answer, so one thread relays both ways. */
    private void serve(Socket client) {
        try (client;
                Socket server = new Socket()) {
            sockets.add(server);
            server.connect(target);
            Connection connection = new Connection(
                    client.getInputStream(),
                    client.getOutputStream(),
                    server.getInputStream(),
                    server.getOutputStream());
            for (Frame request = Frame.read(connection.fromClient);
                    request != null;
                    request = Frame.read(connection.fromClient)) {
                if (!relay(request, connection)) {
                    return;
                }
            }
        } catch (IOException | RuntimeException closed) {
            // a side closed the connection, or the proxy was closed
        }
    }

    private record Connection(
            InputStream fromClient, OutputStream toClient, InputStream fromServer, OutputStream toServer) {}

    /** Relays one request and its answer, or does what a fault says instead; false when the connection is dropped. */
    private boolean relay(Frame request, Connection connection) throws IOException {
        if (request.opCode() == OP_QUERY) {
            boolean hello = isHello(queryCommandName(request));
            request.write(connection.toServer());
            Frame reply = readReply(request, connection);
            (hello ? asPrimary(reply) : reply).write(connection.toClient());
            return true;
        }
        if (request.opCode() != OP_MSG) {
            request.write(connection.toServer());
            readReply(request, connection).write(connection.toClient());
            return true;
        }
        OpMsg message = OpMsg.parse(request.body());
        Command command = message.command();
        received.add(command);
        if ((message.flags() & MORE_TO_COME) != 0) {
            request.write(connection.toServer());
            return true;
        }
        RetryKey retry = RetryKey.of(message.body());
        Frame applied = retry == null ? null : appliedAnswers.get(retry);
        if (applied != null) {
            applied.answering(request, nextRequestId()).write(connection.toClient());
            return true;
        }
        Fault fault = takeFault(command);
        if (fault instanceof Fault.CommandError error && !error.applied()) {
            answer(request, commandError(error)).write(connection.toClient());
            return true;
        }
        request.write(connection.toServer());
        Frame reply = readReply(request, connection);
        OpMsg answer = OpMsg.parse(reply.body());
        if (isHello(command.name())) {
            rewriteAsPrimary(answer.body());
        }
        track(message, answer);
        if (fault != null && retry != null) {
            appliedAnswers.put(retry, reply);
        }
        if (fault instanceof Fault.DropConnectionAfterApplying) {
            return false;
        } else if (fault instanceof Fault.CommandError error) {
            answer(request, commandError(error)).write(connection.toClient());
        } else if (fault instanceof Fault.WriteConcernError error) {
            answer.body()
                    .append(
                            "writeConcernError",
                            new BsonDocument("code", new BsonInt32(error.code()))
                                    .append("codeName", new BsonString(error.codeName()))
                                    .append("errmsg", new BsonString(error.message()))
                                    .append("errInfo", new BsonDocument("wtimeout", BsonBoolean.TRUE)));
            answer.encode(reply).write(connection.toClient());
        } else {
            answer.encode(reply).write(connection.toClient());
            for (OpMsg more = answer; (more.flags() & MORE_TO_COME) != 0; ) {
                Frame next = Frame.read(connection.fromServer());
                if (next == null) {
                    return false;
                }
                next.write(connection.toClient());
                more = OpMsg.parse(next.body());
            }
        }
        return true;
    }

    private synchronized @Nullable Fault takeFault(Command command) {
        for (Iterator<Armed> it = armed.iterator(); it.hasNext(); ) {
            Armed next = it.next();
            if (next.command().matches(command)) {
                it.remove();
                return next.fault();
            }
        }
        return null;
    }

    private Frame readReply(Frame request, Connection connection) throws IOException {
        while (true) {
            Frame reply = Frame.read(connection.fromServer());
            if (reply == null) {
                throw new IOException("the server closed the connection");
            }
            if (reply.responseTo() == request.requestId()) {
                return reply;
            }
        }
    }

    private int nextRequestId() {
        return requestIds.incrementAndGet();
    }

    private Frame answer(Frame request, BsonDocument body) {
        return new OpMsg(0, body, List.of())
                .encode(new Frame(nextRequestId(), request.requestId(), OP_MSG, new byte[0]));
    }

    private static BsonDocument commandError(Fault.CommandError error) {
        BsonArray labels = new BsonArray();
        error.errorLabels().forEach(label -> labels.add(new BsonString(label)));
        return new BsonDocument("ok", new BsonDouble(0))
                .append("errmsg", new BsonString(error.message()))
                .append("code", new BsonInt32(error.code()))
                .append("codeName", new BsonString(error.codeName()))
                .append("errorLabels", labels);
    }

    private static boolean isHello(@Nullable String commandName) {
        return commandName != null && HELLO.contains(commandName.toLowerCase(Locale.ROOT));
    }

    // ---- the replica set's primary ----

    private Frame asPrimary(Frame reply) {
        if (reply.opCode() != OP_REPLY) {
            return reply;
        }
        ByteBuffer buffer = ByteBuffer.wrap(reply.body()).order(ByteOrder.LITTLE_ENDIAN);
        byte[] prefix = new byte[20];
        buffer.get(prefix);
        BsonDocument hello = readDocument(buffer);
        rewriteAsPrimary(hello);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(prefix);
        body.writeBytes(bytes(hello));
        while (buffer.hasRemaining()) {
            body.write(buffer.get());
        }
        return new Frame(reply.requestId(), reply.responseTo(), reply.opCode(), body.toByteArray());
    }

    private void rewriteAsPrimary(BsonDocument hello) {
        if (hello.get("ok") == null || hello.get("ok").asNumber().intValue() != 1) {
            return;
        }
        BsonString me = new BsonString("127.0.0.1:" + port());
        if (hello.containsKey("isWritablePrimary") || !hello.containsKey("ismaster")) {
            hello.put("isWritablePrimary", BsonBoolean.TRUE);
        }
        if (hello.containsKey("ismaster")) {
            hello.put("ismaster", BsonBoolean.TRUE);
        }
        hello.put("secondary", BsonBoolean.FALSE);
        hello.put("setName", new BsonString(SET_NAME));
        hello.put("setVersion", new BsonInt32(1));
        hello.put("electionId", new BsonObjectId(new ObjectId("7fffffff0000000000000001")));
        hello.put("hosts", new BsonArray(List.of(me)));
        hello.put("primary", me);
        hello.put("me", me);
        if (!hello.containsKey("logicalSessionTimeoutMinutes")) {
            hello.put("logicalSessionTimeoutMinutes", new BsonInt32(30));
        }
    }

    // ---- majority reads that lag ----

    private void track(OpMsg request, OpMsg answer) {
        Command command = request.command();
        if (command.collection() == null) {
            return;
        }
        String namespace = request.database() + "." + command.collection();
        if (command.name().equals("insert")) {
            remember(namespace, request, answer.body());
        } else if (command.name().equals("find") && lagging(command.collection()) && majority(request.body())) {
            BsonDocument cursor = answer.body().getDocument("cursor", null);
            if (cursor != null) {
                hideRecent(namespace, cursor.getArray("firstBatch", new BsonArray()));
                long id = cursor.getNumber("id", new BsonInt64(0)).longValue();
                if (id != 0) {
                    laggingCursors.add(id);
                }
            }
        } else if (command.name().equals("getMore")) {
            long id = request.body().getNumber("getMore").longValue();
            BsonDocument cursor = answer.body().getDocument("cursor", null);
            if (laggingCursors.contains(id) && cursor != null) {
                hideRecent(namespace, cursor.getArray("nextBatch", new BsonArray()));
            }
        }
    }

    private void remember(String namespace, OpMsg insert, BsonDocument answer) {
        List<BsonDocument> documents = insert.documents("documents");
        Set<Integer> failed = new HashSet<>();
        int firstFailure = Integer.MAX_VALUE;
        for (BsonValue error : answer.getArray("writeErrors", new BsonArray())) {
            int index = error.asDocument().getNumber("index").intValue();
            failed.add(index);
            firstFailure = Math.min(firstFailure, index);
        }
        boolean ordered = insert.body().getBoolean("ordered", BsonBoolean.TRUE).getValue();
        boolean ok = answer.get("ok") != null && answer.get("ok").asNumber().intValue() == 1;
        long now = System.nanoTime();
        Map<BsonValue, Long> inserted = insertedAt.computeIfAbsent(namespace, n -> new ConcurrentHashMap<>());
        for (int i = 0; ok && i < documents.size(); i++) {
            if (!failed.contains(i) && !(ordered && i > firstFailure)) {
                inserted.put(key(documents.get(i).get("_id")), now);
            }
        }
    }

    private boolean lagging(String collection) {
        Lag current = lag;
        return current != null && current.collection().equals(collection) && System.nanoTime() < current.until();
    }

    private static boolean majority(BsonDocument command) {
        BsonDocument readConcern = command.getDocument("readConcern", new BsonDocument());
        return readConcern
                .getString("level", new BsonString("local"))
                .getValue()
                .equals("majority");
    }

    private void hideRecent(String namespace, BsonArray batch) {
        Lag current = lag;
        Map<BsonValue, Long> inserted = insertedAt.getOrDefault(namespace, Map.of());
        if (current == null) {
            return;
        }
        long now = System.nanoTime();
        batch.removeIf(document -> {
            Long at = inserted.get(key(document.asDocument().get("_id")));
            return at != null && now - at < current.nanos();
        });
    }

    private static BsonValue key(@Nullable BsonValue id) {
        if (id == null) {
            return new BsonString("");
        }
        return id.isNumber() ? new BsonInt64(id.asNumber().longValue()) : id;
    }

    // ---- the wire protocol ----

    /** One message: the header's request id, response-to and op code, and everything after the header. */
    private record Frame(int requestId, int responseTo, int opCode, byte[] body) {

        static @Nullable Frame read(InputStream in) throws IOException {
            byte[] header = in.readNBytes(16);
            if (header.length < 16) {
                return null;
            }
            ByteBuffer fields = ByteBuffer.wrap(header).order(ByteOrder.LITTLE_ENDIAN);
            int length = fields.getInt();
            byte[] body = in.readNBytes(length - 16);
            if (body.length < length - 16) {
                return null;
            }
            return new Frame(fields.getInt(), fields.getInt(), fields.getInt(), body);
        }

        void write(OutputStream out) throws IOException {
            ByteBuffer header = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
            header.putInt(16 + body.length).putInt(requestId).putInt(responseTo).putInt(opCode);
            out.write(header.array());
            out.write(body);
            out.flush();
        }

        Frame answering(Frame request, int requestId) {
            return new Frame(requestId, request.requestId(), opCode, body);
        }
    }

    /** An OP_MSG: flag bits, the body (section kind 0) and document sequences (kind 1). */
    private record OpMsg(int flags, BsonDocument body, List<Sequence> sequences) {

        record Sequence(String identifier, List<BsonDocument> documents) {}

        static OpMsg parse(byte[] bytes) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
            int flags = buffer.getInt();
            int end = bytes.length - ((flags & CHECKSUM_PRESENT) != 0 ? 4 : 0);
            BsonDocument body = new BsonDocument();
            List<Sequence> sequences = new ArrayList<>();
            while (buffer.position() < end) {
                byte kind = buffer.get();
                if (kind == 0) {
                    body = readDocument(buffer);
                } else if (kind == 1) {
                    int start = buffer.position();
                    int size = buffer.getInt();
                    String identifier = readCString(buffer);
                    List<BsonDocument> documents = new ArrayList<>();
                    while (buffer.position() < start + size) {
                        documents.add(readDocument(buffer));
                    }
                    sequences.add(new Sequence(identifier, documents));
                } else {
                    throw new IllegalStateException("unknown OP_MSG section kind " + kind);
                }
            }
            return new OpMsg(flags, body, sequences);
        }

        /** This message with {@code frame}'s header fields; a checksum, if there was one, is dropped. */
        Frame encode(Frame frame) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteBuffer flagBits = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN);
            out.writeBytes(flagBits.putInt(flags & ~CHECKSUM_PRESENT).array());
            out.write(0);
            out.writeBytes(bytes(body));
            for (Sequence sequence : sequences) {
                ByteArrayOutputStream section = new ByteArrayOutputStream();
                section.writeBytes(sequence.identifier().getBytes(StandardCharsets.UTF_8));
                section.write(0);
                sequence.documents().forEach(document -> section.writeBytes(bytes(document)));
                out.write(1);
                out.writeBytes(ByteBuffer.allocate(4)
                        .order(ByteOrder.LITTLE_ENDIAN)
                        .putInt(4 + section.size())
                        .array());
                out.writeBytes(section.toByteArray());
            }
            return new Frame(frame.requestId(), frame.responseTo(), OP_MSG, out.toByteArray());
        }

        Command command() {
            String name = body.isEmpty() ? "" : body.getFirstKey();
            BsonValue value = body.get(name);
            String collection =
                    value != null && value.isString() ? value.asString().getValue() : null;
            if (name.equals("getMore")) {
                BsonValue named = body.get("collection");
                collection =
                        named != null && named.isString() ? named.asString().getValue() : null;
            }
            return new Command(name, collection);
        }

        String database() {
            return body.getString("$db", new BsonString("")).getValue();
        }

        /** The documents of a command's array argument, in the body or in a document sequence. */
        List<BsonDocument> documents(String identifier) {
            for (Sequence sequence : sequences) {
                if (sequence.identifier().equals(identifier)) {
                    return sequence.documents();
                }
            }
            return body.getArray(identifier, new BsonArray()).stream()
                    .map(BsonValue::asDocument)
                    .toList();
        }
    }

    private static @Nullable String queryCommandName(Frame query) {
        ByteBuffer buffer = ByteBuffer.wrap(query.body()).order(ByteOrder.LITTLE_ENDIAN);
        buffer.getInt();
        readCString(buffer);
        buffer.getInt();
        buffer.getInt();
        BsonDocument command = readDocument(buffer);
        return command.isEmpty() ? null : command.getFirstKey();
    }

    private static BsonDocument readDocument(ByteBuffer buffer) {
        int length = buffer.getInt(buffer.position());
        ByteBuffer document = buffer.slice().order(ByteOrder.LITTLE_ENDIAN);
        document.limit(length);
        buffer.position(buffer.position() + length);
        try (BsonBinaryReader reader = new BsonBinaryReader(document)) {
            return new BsonDocumentCodec()
                    .decode(reader, DecoderContext.builder().build());
        }
    }

    private static String readCString(ByteBuffer buffer) {
        int start = buffer.position();
        while (buffer.get() != 0) {
            // to the terminating zero
        }
        return new String(buffer.array(), start, buffer.position() - start - 1, StandardCharsets.UTF_8);
    }

    private static byte[] bytes(BsonDocument document) {
        BasicOutputBuffer out = new BasicOutputBuffer();
        try (BsonBinaryWriter writer = new BsonBinaryWriter(out)) {
            new BsonDocumentCodec()
                    .encode(writer, document, EncoderContext.builder().build());
        }
        return out.toByteArray();
    }
}
