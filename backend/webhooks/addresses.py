"""Where a webhook may be sent: http(s) only, and never to this machine or a private network
(SSRF) unless WEBHOOKS_ALLOW_PRIVATE is on (development and tests only).

Checked twice: the URL when it is registered (a literal address or "localhost"), and every
address its host resolves to right before each delivery, which then connects to the address
that was checked (a DNS answer that changes between check and connect — DNS rebinding — cannot
lead it elsewhere).
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket
from urllib.parse import urlsplit

from backend.core.errors import ErrorCollector

MAX_URL = 2000


class UnsafeAddress(Exception):
    pass


def is_public(address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped
    return address.is_global and not address.is_multicast


def check_url(
    errors: ErrorCollector, url: str | None, *path: str, allow_private: bool
) -> str | None:
    if url is None:
        return None
    url = url.strip()
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        parts, port = None, None
    if (
        parts is None
        or parts.scheme not in ("http", "https")
        or not parts.hostname
        or len(url) > MAX_URL
        or parts.username is not None
        or any(c.isspace() or ord(c) < 32 for c in url)
    ):
        errors.add(
            "INVALID_URL",
            "Informe um endereço http:// ou https:// completo, sem usuário e senha.",
            *path,
        )
        return None
    del port
    host = parts.hostname
    if not allow_private:
        literal = _literal(host)
        if (
            host == "localhost"
            or host.endswith(".localhost")
            or (literal is not None and not is_public(literal))
        ):
            errors.add(
                "PRIVATE_ADDRESS",
                "O endereço aponta para esta máquina ou para uma rede privada: não é permitido.",
                *path,
            )
            return None
    return url


def _literal(host: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    try:
        return ipaddress.ip_address(host)
    except ValueError:
        return None


async def resolve_checked(host: str, port: int, *, allow_private: bool) -> str:
    """An address of `host` to connect to; UnsafeAddress when any address it resolves to is
    not public (a host that answers one public and one private address is refused)."""
    literal = _literal(host)
    if literal is not None:
        found = [literal]
    else:
        loop = asyncio.get_running_loop()
        try:
            infos = await loop.getaddrinfo(host, port, type=socket.SOCK_STREAM)
        except OSError as exc:
            raise UnsafeAddress(f"Não foi possível resolver {host}: {exc}") from exc
        found = [ipaddress.ip_address(info[4][0]) for info in infos]
    if not found:
        raise UnsafeAddress(f"{host} não tem endereço")
    if not allow_private:
        for address in found:
            if not is_public(address):
                raise UnsafeAddress(f"{host} resolve para um endereço privado ou local ({address})")
    return str(found[0])
