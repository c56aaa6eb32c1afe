#!/usr/bin/env python3
"""Offline verifier of Newsroom's transparency log, with nothing but the log's public key.

Python 3 standard library only. Checks, and prints what it checked:

  export       an export of the log (gzip NDJSON, newsroom-log-export/1): every position present once and in order,
               every aggregate's hash chain, and the Merkle root of every signed checkpoint it carries (checkpoint
               lines, CheckpointSigned events, --checkpoint files) recomputed from the exported events
  inclusion    an inclusion proof (JSON as GET /audit/log/proof/inclusion answers) against a signed checkpoint
  consistency  a consistency proof (JSON as GET /audit/log/proof/consistency answers) between two signed checkpoints

Exit status 0 when everything checked verifies, 1 otherwise (2 for a usage error).
The formats are described in docs/transparency.md.
"""

import argparse
import base64
import gzip
import hashlib
import json
import struct
import sys

# ---- Ed25519 signature verification, RFC 8032 section 5.1.7 ----

P = 2**255 - 19
L = 2**252 + 27742317777372353535851937790883648493
D = (-121665 * pow(121666, P - 2, P)) % P
SQRT_M1 = pow(2, (P - 1) // 4, P)


def _x_from_y(y, sign):
    """The x coordinate of the curve point with this y and x's low bit, or None (RFC 8032 section 5.1.3)."""
    if y >= P:
        return None
    u = (y * y - 1) % P
    v = (D * y * y + 1) % P
    x2 = u * pow(v, P - 2, P) % P
    if x2 == 0:
        return None if sign else 0
    x = pow(x2, (P + 3) // 8, P)
    if (x * x - x2) % P != 0:
        x = x * SQRT_M1 % P
    if (x * x - x2) % P != 0:
        return None
    if x & 1 != sign:
        x = P - x
    return x


def _decode_point(encoded):
    if len(encoded) != 32:
        return None
    y = int.from_bytes(encoded, "little")
    sign = y >> 255
    y &= (1 << 255) - 1
    x = _x_from_y(y, sign)
    if x is None:
        return None
    return (x, y, 1, x * y % P)


def _add(a, b):
    """Point addition in extended coordinates (X, Y, Z, T), x = X/Z, y = Y/Z, xy = T/Z (RFC 8032 section 5.1.4)."""
    x1, y1, z1, t1 = a
    x2, y2, z2, t2 = b
    e1 = (y1 - x1) * (y2 - x2) % P
    e2 = (y1 + x1) * (y2 + x2) % P
    c = 2 * t1 * t2 * D % P
    dd = 2 * z1 * z2 % P
    e, f, g, h = e2 - e1, dd - c, dd + c, e2 + e1
    return (e * f % P, g * h % P, f * g % P, e * h % P)


def _multiply(scalar, point):
    result = (0, 1, 1, 0)
    while scalar:
        if scalar & 1:
            result = _add(result, point)
        point = _add(point, point)
        scalar >>= 1
    return result


def _same(a, b):
    return (a[0] * b[2] - b[0] * a[2]) % P == 0 and (a[1] * b[2] - b[1] * a[2]) % P == 0


_BASE_Y = 4 * pow(5, P - 2, P) % P
BASE = (_x_from_y(_BASE_Y, 0), _BASE_Y, 1, _x_from_y(_BASE_Y, 0) * _BASE_Y % P)


def ed25519_verify(public_key, message, signature):
    """Whether signature (64 bytes) is public_key's (32 bytes) Ed25519 signature of message."""
    if len(public_key) != 32 or len(signature) != 64:
        return False
    a = _decode_point(public_key)
    r = _decode_point(signature[:32])
    if a is None or r is None:
        return False
    s = int.from_bytes(signature[32:], "little")
    if s >= L:
        return False
    k = int.from_bytes(hashlib.sha512(signature[:32] + public_key + message).digest(), "little") % L
    return _same(_multiply(s, BASE), _add(r, _multiply(k, a)))


# ---- C2SP signed notes and checkpoints ----

class VerifyError(Exception):
    pass


class VerifierKey:
    """<name>+<hex key id>+<base64(0x01 || 32-byte Ed25519 public key)>, key id = SHA-256(name || 0x0A || 0x01 || key)[:4]."""

    def __init__(self, text):
        parts = text.strip().split("+", 2)
        if len(parts) != 3 or len(parts[1]) != 8:
            raise VerifyError("not a verifier key: %r" % text)
        self.name = parts[0]
        self.key_id = int(parts[1], 16)
        raw = base64.b64decode(parts[2], validate=True)
        if len(raw) != 33 or raw[0] != 0x01:
            raise VerifyError("not an Ed25519 verifier key (type 0x01): %r" % text)
        self.public_key = raw[1:]
        expected = hashlib.sha256(self.name.encode() + b"\n" + b"\x01" + self.public_key).digest()[:4]
        if struct.unpack(">I", expected)[0] != self.key_id:
            raise VerifyError("the key id of %r is not the one its name and key give" % text)
        self.text = text.strip()

    def label(self):
        return "%s+%08x" % (self.name, self.key_id)


def open_note(note, keys):
    """The text of a signed note and the keys whose signatures verified; unknown keys' signatures are ignored."""
    if not note.endswith("\n") or "\n\n" not in note:
        raise VerifyError("not a signed note: no blank line before the signatures")
    split = note.rindex("\n\n")
    text = note[:split + 1]
    if any(ord(c) < 0x20 and c != "\n" for c in text):
        raise VerifyError("the note text holds control characters")
    verified = []
    for line in note[split + 2:-1].split("\n"):
        if not line.startswith("\u2014 "):
            raise VerifyError("not a signature line: %r" % line)
        fields = line[2:].split(" ")
        if len(fields) != 2:
            raise VerifyError("not a signature line: %r" % line)
        name, signature = fields[0], base64.b64decode(fields[1], validate=True)
        if len(signature) < 5:
            raise VerifyError("signature of %s too short" % name)
        key_id = struct.unpack(">I", signature[:4])[0]
        for key in keys:
            if key.name == name and key.key_id == key_id:
                if not ed25519_verify(key.public_key, text.encode("utf-8"), signature[4:]):
                    raise VerifyError("the signature of %s does not verify" % key.label())
                verified.append(key)
    if not verified:
        raise VerifyError("no signature of a known key")
    return text, verified


class Checkpoint:
    def __init__(self, note, keys, label):
        self.note = note
        self.label = label
        text, self.keys = open_note(note, keys)
        lines = text.split("\n")
        if len(lines) < 4 or lines[-1] != "":
            raise VerifyError("%s: not a checkpoint (origin, size, root hash)" % label)
        self.origin = lines[0]
        if not lines[1].isdigit() or (lines[1] != "0" and lines[1].startswith("0")):
            raise VerifyError("%s: the size %r is not a decimal number" % (label, lines[1]))
        self.size = int(lines[1])
        self.root = base64.b64decode(lines[2], validate=True)
        if len(self.root) != 32:
            raise VerifyError("%s: the root hash is not 32 bytes" % label)
        if self.origin not in [key.name for key in self.keys]:
            raise VerifyError("%s: origin %s is not the name of the key that signed it" % (label, self.origin))

    def signed_by(self):
        return ", ".join(key.label() for key in self.keys)


# ---- RFC 9162 section 2.1 ----

def leaf_hash(leaf):
    return hashlib.sha256(b"\x00" + leaf).digest()


def node_hash(left, right):
    return hashlib.sha256(b"\x01" + left + right).digest()


class Tree:
    """Every complete subtree's hash over a list of leaf hashes, computed once, level by level."""

    def __init__(self, leaves):
        self.levels = [list(leaves)]
        while len(self.levels[-1]) > 1:
            below = self.levels[-1]
            self.levels.append([node_hash(below[i], below[i + 1]) for i in range(0, len(below) - 1, 2)])

    def range_hash(self, start, end):
        size = end - start
        if size <= 0:
            return hashlib.sha256(b"").digest()
        if size & (size - 1) == 0 and start % size == 0:
            height = size.bit_length() - 1
            return self.levels[height][start >> height]
        split = 1 << ((size - 1).bit_length() - 1)
        return node_hash(self.range_hash(start, start + split), self.range_hash(start + split, end))

    def root(self, size):
        return self.range_hash(0, size)


def root_from_inclusion(index, size, leaf, path):
    if index < 0 or index >= size:
        return None
    fn, sn, r = index, size - 1, leaf
    for p in path:
        if sn == 0:
            return None
        if fn & 1 or fn == sn:
            r = node_hash(p, r)
            while not fn & 1 and fn != 0:
                fn >>= 1
                sn >>= 1
        else:
            r = node_hash(r, p)
        fn >>= 1
        sn >>= 1
    return r if sn == 0 else None


def verify_consistency(first, second, first_root, second_root, path):
    if first < 1 or first > second:
        return False
    if first == second:
        return not path and first_root == second_root
    proof = list(path)
    if first & (first - 1) == 0:
        proof.insert(0, first_root)
    if not proof:
        return False
    fn, sn = first - 1, second - 1
    while fn & 1:
        fn >>= 1
        sn >>= 1
    fr = sr = proof[0]
    for c in proof[1:]:
        if sn == 0:
            return False
        if fn & 1 or fn == sn:
            fr = node_hash(c, fr)
            sr = node_hash(c, sr)
            while not fn & 1 and fn != 0:
                fn >>= 1
                sn >>= 1
        else:
            sr = node_hash(sr, c)
        fn >>= 1
        sn >>= 1
    return sn == 0 and fr == first_root and sr == second_root


# ---- the canonical form of a stored event (docs/transparency.md) ----

class Number(str):
    """A JSON number kept as the text it was written with: the canonical form writes it back unchanged."""


_SHORT_ESCAPES = {'"': '\\"', "\\": "\\\\", "\b": "\\b", "\t": "\\t", "\n": "\\n", "\f": "\\f", "\r": "\\r"}


def _string(text):
    out = ['"']
    for c in text:
        if c in _SHORT_ESCAPES:
            out.append(_SHORT_ESCAPES[c])
        elif ord(c) < 0x20:
            out.append("\\u%04X" % ord(c))
        else:
            out.append(c)
    out.append('"')
    return "".join(out)


def canonical_json(value):
    if isinstance(value, dict):
        names = sorted(value, key=lambda name: name.encode("utf-16-be"))
        return "{" + ",".join(_string(n) + ":" + canonical_json(value[n]) for n in names) + "}"
    if isinstance(value, list):
        return "[" + ",".join(canonical_json(v) for v in value) + "]"
    if isinstance(value, Number):
        return str(value)
    if isinstance(value, str):
        return _string(value)
    if value is True:
        return "true"
    if value is False:
        return "false"
    if value is None:
        return "null"
    raise VerifyError("unexpected JSON value %r" % (value,))


def canonical_event(aggregate_type, aggregate_id, event):
    subject = {k: v for k, v in event.items() if k not in ("position", "hash")}
    subject["aggregateType"] = aggregate_type
    subject["aggregateId"] = aggregate_id
    return canonical_json(subject).encode("utf-8")


def parse_json(line):
    return json.loads(line, parse_int=Number, parse_float=Number)


# ---- commands ----

class Report:
    def __init__(self):
        self.failures = 0

    def ok(self, message):
        print("OK    " + message)

    def fail(self, message):
        self.failures += 1
        print("FAIL  " + message)

    def info(self, message):
        print("      " + message)

    def result(self):
        print("RESULT: " + ("OK" if self.failures == 0 else "FAILED (%d problem%s)" % (
            self.failures, "" if self.failures == 1 else "s")))
        return 0 if self.failures == 0 else 1


def load_keys(args):
    keys = [VerifierKey(k) for k in args.key or []]
    for path in args.keys or []:
        with open(path, encoding="utf-8") as f:
            keys.extend(VerifierKey(line) for line in f if line.strip())
    if not keys:
        raise VerifyError("no verifier key: give --key <vkey> or --keys <file>")
    return keys


def read_note(path):
    with open(path, encoding="utf-8", newline="") as f:
        return f.read()


def check_export(args, keys, report):
    leaves = []
    chains = {}
    notes = []
    counts = {"commits": 0, "events": 0}
    header = end = None
    expected = 1
    with gzip.open(args.file, "rt", encoding="utf-8", newline="\n") as lines:
        for number, line in enumerate(lines, 1):
            if not line.strip():
                continue
            record = parse_json(line)
            kind = record.get("kind")
            if kind == "header":
                header = record
            elif kind == "commit":
                counts["commits"] += 1
                aggregate_type, aggregate_id = record["aggregateType"], record["aggregateId"]
                if int(record["position"]) != expected:
                    report.fail("line %d: a commit at position %s where position %d belongs (a gap, a duplicate or"
                                " disorder)" % (number, record["position"], expected))
                    expected = int(record["position"])
                for event in record["events"]:
                    position = int(event["position"])
                    if position != expected:
                        report.fail("position %d where %d belongs" % (position, expected))
                    expected = position + 1
                    counts["events"] += 1
                    canonical = canonical_event(aggregate_type, aggregate_id, event)
                    leaves.append(leaf_hash(struct.pack(">Q", position) + canonical))
                    previous, next_seq = chains.get(aggregate_id, ("", 0))
                    if int(event["seq"]) != next_seq:
                        report.fail("position %d: %s event %s where %d belongs" % (
                            position, aggregate_id, event["seq"], next_seq))
                    computed = hashlib.sha256(
                        (previous + "\n" + str(position) + "\n").encode("utf-8") + canonical).hexdigest()
                    if computed != event.get("hash"):
                        report.fail("position %d (%s #%s): hash chain broken: the event was altered, or one before it"
                                    " was removed" % (position, aggregate_id, event["seq"]))
                    chains[aggregate_id] = (event.get("hash") or computed, int(event["seq"]) + 1)
                    if event.get("payloadType") == "org.newsroom.log.CheckpointSigned":
                        notes.append(("checkpoint event at position %d" % position, event["payload"]["note"]))
            elif kind == "checkpoint":
                notes.append(("checkpoint line %d" % number, record["note"]))
            elif kind == "end":
                end = record
            else:
                report.fail("line %d: unknown kind %r" % (number, kind))
    for path in args.checkpoint or []:
        notes.append(("checkpoint file %s" % path, read_note(path)))

    if header is None or header.get("format") != "newsroom-log-export/1":
        report.fail("no header of format newsroom-log-export/1")
    else:
        report.info("export of %s events made at %s" % (header.get("size"), header.get("exportedAt")))
    if end is None:
        report.fail("no end line: the export is truncated")
    elif int(end.get("commits", -1)) != counts["commits"] or int(end.get("events", -1)) != counts["events"]:
        report.fail("the end line counts %s commits and %s events; the file holds %d and %d" % (
            end.get("commits"), end.get("events"), counts["commits"], counts["events"]))
    if header is not None and int(header.get("size", -1)) != len(leaves):
        report.fail("the header says %s events up to position %s; the file holds %d" % (
            header.get("size"), header.get("size"), len(leaves)))
    if report.failures == 0:
        report.ok("%d events at positions 1..%d, %d commits; the hash chains of %d aggregates recompute" % (
            len(leaves), len(leaves), counts["commits"], len(chains)))

    tree = Tree(leaves)
    covered = 0
    for label, note in notes:
        try:
            checkpoint = Checkpoint(note, keys, label)
        except VerifyError as e:
            report.fail("%s: %s" % (label, e))
            continue
        if checkpoint.size > len(leaves):
            report.info("%s: size %d is beyond this export (%d events): not checked" % (
                label, checkpoint.size, len(leaves)))
            continue
        if tree.root(checkpoint.size) == checkpoint.root:
            report.ok("%s: signed by %s, tree of %d events has its root %s" % (
                label, checkpoint.signed_by(), checkpoint.size, base64.b64encode(checkpoint.root).decode()))
            covered = max(covered, checkpoint.size)
        else:
            report.fail("%s: signed by %s, but the exported events 1..%d do not have its root: an event covered by"
                        " the checkpoint was altered, added or removed" % (label, checkpoint.signed_by(),
                                                                           checkpoint.size))
    if covered == 0:
        report.fail("no signed checkpoint covers any of the exported events")
    elif covered < len(leaves):
        report.info("positions %d..%d come after the last checkpoint checked: hash chains only" % (
            covered + 1, len(leaves)))
    return report.result()


def check_inclusion(args, keys, report):
    checkpoint = Checkpoint(read_note(args.checkpoint), keys, "checkpoint")
    report.ok("checkpoint signed by %s: %s, %d events" % (checkpoint.signed_by(), checkpoint.origin, checkpoint.size))
    with open(args.proof, encoding="utf-8") as f:
        proof = json.load(f)
    index, size = int(proof["leafIndex"]), int(proof["treeSize"])
    leaf = base64.b64decode(proof["leafHash"], validate=True)
    if args.leaf_hash and base64.b64decode(args.leaf_hash, validate=True) != leaf:
        report.fail("the proof is for another leaf than %s" % args.leaf_hash)
    if size != checkpoint.size:
        report.fail("the proof is for a tree of %d events, the checkpoint signs %d" % (size, checkpoint.size))
    path = [base64.b64decode(h, validate=True) for h in proof["path"]]
    if root_from_inclusion(index, size, leaf, path) == checkpoint.root:
        report.ok("position %d (leaf %d, hash %s) is in the signed tree of %d events (%d hashes in the path)" % (
            index + 1, index, proof["leafHash"], size, len(path)))
    else:
        report.fail("position %d (leaf %d) is NOT in the signed tree of %d events: the proof does not lead to the"
                    " signed root" % (index + 1, index, size))
    return report.result()


def check_consistency(args, keys, report):
    old = Checkpoint(read_note(args.old), keys, "old checkpoint")
    new = Checkpoint(read_note(args.new), keys, "new checkpoint")
    report.ok("old checkpoint signed by %s: %d events" % (old.signed_by(), old.size))
    report.ok("new checkpoint signed by %s: %d events" % (new.signed_by(), new.size))
    if old.origin != new.origin:
        report.fail("the checkpoints are of two logs: %s and %s" % (old.origin, new.origin))
    with open(args.proof, encoding="utf-8") as f:
        proof = json.load(f)
    if int(proof["from"]) != old.size or int(proof["to"]) != new.size:
        report.fail("the proof goes from %s to %s, the checkpoints sign %d and %d" % (
            proof["from"], proof["to"], old.size, new.size))
    path = [base64.b64decode(h, validate=True) for h in proof["path"]]
    if verify_consistency(old.size, new.size, old.root, new.root, path):
        report.ok("the tree of %d events is a prefix of the tree of %d events (%d hashes in the proof)" % (
            old.size, new.size, len(path)))
    else:
        report.fail("the tree of %d events is NOT a prefix of the tree of %d: the log was rewritten between them" % (
            old.size, new.size))
    return report.result()


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--key", action="append", help="a verifier key <name>+<key id>+<base64 key>; repeatable")
    parser.add_argument("--keys", action="append", help="a file of verifier keys, one a line (GET /audit/log/public-key"
                                                        " with Accept: text/plain)")
    commands = parser.add_subparsers(dest="command", required=True)
    export = commands.add_parser("export", help="check an export of the log against its signed checkpoints")
    export.add_argument("file", help="the export: gzip NDJSON, newsroom-log-export/1")
    export.add_argument("--checkpoint", action="append", help="a signed checkpoint kept elsewhere (a witness's copy)")
    inclusion = commands.add_parser("inclusion", help="check an inclusion proof against a signed checkpoint")
    inclusion.add_argument("--checkpoint", required=True, help="the signed checkpoint (note text)")
    inclusion.add_argument("--proof", required=True, help="the proof JSON of GET /audit/log/proof/inclusion")
    inclusion.add_argument("--leaf-hash", help="the leaf hash (base64) the proof must be for")
    consistency = commands.add_parser("consistency", help="check two signed checkpoints against each other")
    consistency.add_argument("--old", required=True, help="the older signed checkpoint (note text)")
    consistency.add_argument("--new", required=True, help="the newer signed checkpoint (note text)")
    consistency.add_argument("--proof", required=True, help="the proof JSON of GET /audit/log/proof/consistency")
    args = parser.parse_args(argv)
    report = Report()
    try:
        keys = load_keys(args)
        for key in keys:
            report.info("verifier key %s" % key.label())
        if args.command == "export":
            return check_export(args, keys, report)
        if args.command == "inclusion":
            return check_inclusion(args, keys, report)
        return check_consistency(args, keys, report)
    except (VerifyError, ValueError, KeyError, OSError) as e:
        report.fail(str(e) if isinstance(e, VerifyError) else "%s: %s" % (type(e).__name__, e))
        return report.result()


if __name__ == "__main__":
    sys.exit(main())
