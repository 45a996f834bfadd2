"""The key file beside the database: the random database key, wrapped once per account.

The database is encrypted with a random 32-byte key that never changes. Each account's
password (and the owner's recovery code) unlocks its own copy of that key: the password is
stretched with Argon2id and the result opens an AES-GCM envelope. Changing a password or
adding an account rewrites one envelope and never re-encrypts the database.

Account names are stored only as salted hashes, so the file holds no personal data.
A wrong password fails the AES-GCM tag check and writes nothing anywhere.
"""

from __future__ import annotations

import hashlib
import json
import os
import secrets
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from argon2.low_level import Type, hash_secret_raw
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from pharmadesk.errors import AuthenticationError, DatabaseUnavailable, OperationFailed

FORMAT = "pharmadesk-keys"
FORMAT_VERSION = 1
KEY_BYTES = 32
RECOVERY_ENTRY = "\x00recovery"


@dataclass(frozen=True)
class KdfParams:
    """Argon2id cost. Stored with each envelope, so a later change of default keeps old ones."""

    time_cost: int
    memory_kib: int
    parallelism: int


# RFC 9106's second recommended option, about 0.2 s on a counter PC.
DEFAULT_KDF = KdfParams(time_cost=3, memory_kib=64 * 1024, parallelism=4)


def key_file_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".keys")


def new_database_key() -> bytes:
    return secrets.token_bytes(KEY_BYTES)


def new_recovery_code() -> str:
    """Six groups of five characters from an alphabet without look-alikes (0/O, 1/I/L)."""
    alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
    chars = [secrets.choice(alphabet) for _ in range(30)]
    return "-".join("".join(chars[i : i + 5]) for i in range(0, 30, 5))


def normalise_recovery_code(code: str) -> str:
    cleaned = "".join(ch for ch in code.upper() if ch.isalnum())
    return "-".join(cleaned[i : i + 5] for i in range(0, len(cleaned), 5))


def _derive(secret: str, salt: bytes, params: KdfParams) -> bytes:
    return hash_secret_raw(
        secret=secret.encode("utf-8"),
        salt=salt,
        time_cost=params.time_cost,
        memory_cost=params.memory_kib,
        parallelism=params.parallelism,
        hash_len=KEY_BYTES,
        type=Type.ID,
    )


class KeyFile:
    """The parsed key file. Load it with `KeyFile.load`, write it with `save`."""

    def __init__(self, database_id: str, name_salt: bytes, entries: dict[str, dict[str, Any]]):
        self.database_id = database_id
        self.name_salt = name_salt
        self.entries = entries

    @classmethod
    def new(cls) -> KeyFile:
        return cls(secrets.token_hex(16), secrets.token_bytes(16), {})

    @classmethod
    def load(cls, path: Path) -> KeyFile:
        try:
            raw = json.loads(path.read_bytes())
        except FileNotFoundError:
            raise DatabaseUnavailable(
                f"the key file {path.name} is missing beside the database; "
                "restore it from the last backup"
            ) from None
        except (OSError, ValueError) as exc:
            raise DatabaseUnavailable(f"the key file {path.name} is damaged ({exc})") from None
        try:
            if raw["format"] != FORMAT or raw["version"] != FORMAT_VERSION:
                raise ValueError("unknown format")
            return cls(raw["database_id"], bytes.fromhex(raw["name_salt"]), dict(raw["entries"]))
        except (KeyError, TypeError, ValueError):
            raise DatabaseUnavailable(f"the key file {path.name} is damaged") from None

    def save(self, path: Path) -> None:
        """Write atomically: a crash leaves either the old file or the new one."""
        payload = {
            "format": FORMAT,
            "version": FORMAT_VERSION,
            "database_id": self.database_id,
            "name_salt": self.name_salt.hex(),
            "entries": self.entries,
        }
        tmp = path.with_name(path.name + ".tmp")
        with open(tmp, "wb") as fh:
            fh.write(json.dumps(payload, indent=1, sort_keys=True).encode("utf-8"))
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)

    def entry_id(self, account: str) -> str:
        if account == RECOVERY_ENTRY:
            return "recovery"
        digest = hashlib.sha256(self.name_salt + account.casefold().encode("utf-8"))
        return digest.hexdigest()

    def has_account(self, account: str) -> bool:
        return self.entry_id(account) in self.entries

    def wrap(
        self, account: str, secret: str, db_key: bytes, params: KdfParams | None = None
    ) -> None:
        """Add or replace `account`'s envelope holding `db_key` under `secret`."""
        if not secret:
            raise OperationFailed("an empty password cannot protect the database")
        params = params or DEFAULT_KDF
        salt = secrets.token_bytes(16)
        nonce = secrets.token_bytes(12)
        entry_id = self.entry_id(account)
        kek = _derive(secret, salt, params)
        wrapped = AESGCM(kek).encrypt(nonce, db_key, self._aad(entry_id))
        self.entries[entry_id] = {
            "kdf": {"algorithm": "argon2id", "salt": salt.hex(), **asdict(params)},
            "nonce": nonce.hex(),
            "wrapped": wrapped.hex(),
        }

    def remove(self, account: str) -> None:
        self.entries.pop(self.entry_id(account), None)

    def unwrap(self, account: str, secret: str) -> bytes:
        """The database key, or AuthenticationError for an unknown account or wrong secret."""
        refused = AuthenticationError("wrong user name or password")
        entry = self.entries.get(self.entry_id(account))
        if entry is None or not secret:
            raise refused
        entry_id = self.entry_id(account)
        try:
            kdf = entry["kdf"]
            params = KdfParams(kdf["time_cost"], kdf["memory_kib"], kdf["parallelism"])
            kek = _derive(secret, bytes.fromhex(kdf["salt"]), params)
            nonce = bytes.fromhex(entry["nonce"])
            wrapped = bytes.fromhex(entry["wrapped"])
        except (KeyError, TypeError, ValueError):
            raise DatabaseUnavailable("the key file is damaged") from None
        try:
            key = AESGCM(kek).decrypt(nonce, wrapped, self._aad(entry_id))
        except InvalidTag:
            raise refused from None
        if len(key) != KEY_BYTES:
            raise DatabaseUnavailable("the key file is damaged")
        return key

    def _aad(self, entry_id: str) -> bytes:
        # Binding the envelope to this database and this entry stops an envelope from being
        # copied to another account or another pharmacy's key file.
        return f"{FORMAT}:{self.database_id}:{entry_id}".encode()
