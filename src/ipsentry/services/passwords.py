"""Passwords and secrets: argon2id hashes for passwords, SHA-256 for random tokens.

Passwords are chosen by people, so they get a slow, salted hash (argon2id, the library's
defaults). Session and API tokens are long random strings made here, so a fast SHA-256
hash is enough and lets them be looked up by hash.
"""

from __future__ import annotations

import hashlib
import secrets
from functools import cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from ipsentry.errors import InvalidInput, Problem

MIN_LENGTH = 12
MAX_LENGTH = 1024  # hashing a megabyte of 'password' is work an attacker should not get free


@cache
def _hasher() -> PasswordHasher:
    return PasswordHasher()


def check_policy(password: str, source: str = "input") -> None:
    if len(password) < MIN_LENGTH:
        raise InvalidInput(
            [Problem(source, None, "password", f"is shorter than {MIN_LENGTH} characters")]
        )
    if len(password) > MAX_LENGTH:
        raise InvalidInput(
            [Problem(source, None, "password", f"is longer than {MAX_LENGTH} characters")]
        )
    if not password.strip():
        raise InvalidInput([Problem(source, None, "password", "is only spaces")])


def hash_password(password: str) -> str:
    return _hasher().hash(password)


def verify_password(password_hash: str, password: str) -> bool:
    """True when the password matches; an empty or unreadable hash matches nothing."""
    if not password_hash or len(password) > MAX_LENGTH:
        return False
    try:
        return _hasher().verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def needs_rehash(password_hash: str) -> bool:
    """True when the hash was made with weaker parameters than the library's current ones."""
    try:
        return _hasher().check_needs_rehash(password_hash)
    except InvalidHashError:
        return False


def dummy_verify(password: str) -> None:
    """Spend the time a real check would, so an unknown email is not told apart by timing."""
    verify_password(_dummy_hash(), password)


@cache
def _dummy_hash() -> str:
    return hash_password(secrets.token_urlsafe(16))


def generate_password() -> str:
    return secrets.token_urlsafe(15)  # 20 characters, about 120 bits


def new_secret(prefix: str = "") -> str:
    return prefix + secrets.token_urlsafe(32)


def secret_hash(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()
