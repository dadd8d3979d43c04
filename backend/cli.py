"""The `cobrancas` command: serve, worker, regua, migrate, demo, create-user, create-token."""

from __future__ import annotations

import argparse
import asyncio
import logging
import os
import secrets
import sys
from collections.abc import Awaitable, Callable, Sequence
from typing import Any

from tortoise import Tortoise

from backend import database
from backend.core.clock import Clock, utc_now
from backend.core.enums import Role, TokenScope
from backend.core.errors import ServiceError
from backend.core.periods import local_today
from backend.settings import Settings, SettingsError

DEMO_ADMIN_EMAIL = "admin@cobrancas.app"
COMPANY_HELP = "id de empresa (repetível); omitido: todas"


async def _with_db(settings: Settings, action: Callable[[], Awaitable[Any]]) -> Any:
    await Tortoise.init(config=settings.tortoise_config())
    try:
        return await action()
    finally:
        await Tortoise.close_connections()


def cmd_migrate(settings: Settings, args: argparse.Namespace) -> int:
    asyncio.run(database.migrate(settings.database_url, quiet=False))
    print("Banco de dados atualizado.")
    return 0


def cmd_demo(settings: Settings, args: argparse.Namespace) -> int:
    from backend.accounts.models import User
    from backend.accounts.services import create_user
    from backend.debtors.models import Debtor
    from backend.demo import load_demo

    async def action() -> int:
        if args.if_empty and await Debtor.exists():
            print("Dados já carregados: nada a fazer.")
            return 0
        counts = await load_demo(
            debtors=args.debtors,
            entries=args.entries,
            seed=args.seed,
            today=local_today(utc_now(), settings.time_zone),
        )
        print("Dados de demonstração: " + ", ".join(f"{v} {k}" for k, v in counts.items()))
        if not await User.filter(email=DEMO_ADMIN_EMAIL).exists():
            password = secrets.token_urlsafe(9)
            await create_user(
                name="Administrador",
                email=DEMO_ADMIN_EMAIL,
                password=password,
                role=Role.ADMIN,
                all_companies=True,
            )
            print(f"\n  Acesse com  e-mail: {DEMO_ADMIN_EMAIL}   senha: {password}\n")
        return 0

    result: int = asyncio.run(_with_db(settings, action))
    return result


def cmd_create_user(settings: Settings, args: argparse.Namespace) -> int:
    from backend.accounts.services import create_user

    password = args.password or secrets.token_urlsafe(12)

    async def action() -> None:
        user = await create_user(
            name=args.name,
            email=args.email,
            password=password,
            role=Role(args.role),
            all_companies=not args.company,
            company_ids=args.company or None,
        )
        print(f"Usuário {user.email} criado ({user.role.value}).")
        if not args.password:
            print(f"Senha: {password}")

    asyncio.run(_with_db(settings, action))
    return 0


def cmd_create_token(settings: Settings, args: argparse.Namespace) -> int:
    from backend.accounts.services import create_token

    async def action() -> None:
        issued = await create_token(
            name=args.name,
            scope=TokenScope(args.scope.upper()),
            all_companies=not args.company,
            company_ids=args.company or None,
        )
        print(f"Token {issued.token.prefix} ({issued.token.scope.value}) criado. Guarde-o agora:")
        print(issued.secret)

    asyncio.run(_with_db(settings, action))
    return 0


def cmd_serve(settings: Settings, args: argparse.Namespace) -> int:
    try:
        workers = server_processes(settings, args.workers)
    except ValueError as exc:
        print(f"erro: {exc}", file=sys.stderr)
        return 2
    serve(settings, worker=not args.no_worker, workers=workers)
    return 0


def server_processes(settings: Settings, requested: int | None, cores: int | None = None) -> int:
    """How many server processes `serve` runs: `requested`, or by default one per core when
    the processes can share everything they count (PostgreSQL, and rate limits in Redis), else
    one. Several processes on SQLite, or with per-process rate limits, are refused."""
    cores = cores or os.cpu_count() or 1
    shared_db = not settings.database_url.startswith("sqlite://")
    shared_limits = not settings.rate_limit_storage.startswith("memory://")
    if requested is None:
        return cores if shared_db and shared_limits else 1
    if requested < 1:
        raise ValueError("--workers precisa ser 1 ou mais.")
    if requested > 1 and not shared_db:
        raise ValueError("SQLite serve um processo só: use --workers 1 ou o PostgreSQL.")
    if requested > 1 and not shared_limits:
        raise ValueError(
            "Com vários processos os limites de uso precisam ser compartilhados: defina "
            "RATE_LIMIT_STORAGE=redis://… (memory:// conta por processo)."
        )
    return requested


def serve(
    settings: Settings, *, worker: bool = True, clock: Clock = utc_now, workers: int = 1
) -> None:
    """Migrate, then serve until interrupted (the browser tests pass a clock set to a chosen
    instant). With `workers` > 1, uvicorn starts that many processes, each building the app
    from the environment (`backend.app:app_from_env`); the day roll runs in one of them at a
    time (core/singleton.py), the e-mail workers share the queue (FOR UPDATE SKIP LOCKED)."""
    import uvicorn

    from backend.app import BackgroundService, create_app
    from backend.mailing.worker import mail_worker_service
    from backend.search.roller import balance_roller

    asyncio.run(database.migrate(settings.database_url))
    print(f"Cobranças em http://{settings.host}:{settings.port} ({workers} processo(s))")
    options: dict[str, Any] = {
        "host": settings.host,
        "port": settings.port,
        "log_level": settings.log_level.lower(),
        "proxy_headers": True,
    }
    if workers > 1:
        if clock is not utc_now:
            raise ValueError("um relógio fixo só vale para um processo")
        os.environ["COBRANCAS_MAIL_WORKER"] = "1" if worker else "0"
        # uvicorn restarts a worker that misses its 5 s health ping; on a busy machine a worker
        # still importing the app misses it and is restarted for ever (measured on 2 cores
        # under load, bench/race): a minute is still a hang, not a slow start.
        uvicorn.run(
            "backend.app:app_from_env",
            factory=True,
            workers=workers,
            timeout_worker_healthcheck=60,
            **options,
        )
        return
    # The roller keeps the search's per-debtor summary current across midnight.
    services: list[BackgroundService] = [balance_roller]
    if worker:
        services.append(mail_worker_service)
    uvicorn.run(create_app(settings, services=services, clock=clock), **options)


def cmd_worker(settings: Settings, args: argparse.Namespace) -> int:
    from backend.mailing.worker import run_worker

    count = asyncio.run(run_worker(settings, drain=args.drain))
    if args.drain:
        print(f"E-mails processados: {count}.")
    return 0


def cmd_regua(settings: Settings, args: argparse.Namespace) -> int:
    import datetime as dt

    from backend.collection.run import operator_run

    try:
        on = dt.date.fromisoformat(args.date) if args.date else None
    except ValueError:
        print(f"Data inválida: {args.date} (use AAAA-MM-DD).", file=sys.stderr)
        return 2

    async def action() -> int:
        code, lines = await operator_run(
            on=on,
            now=utc_now(),
            mail_from=settings.mail_from,
            dry_run=args.dry_run,
            company_ids=args.company,
        )
        print("\n".join(lines))
        return code

    result: int = asyncio.run(_with_db(settings, action))
    return result


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="cobrancas", description="Cobranças: gestão de inadimplência."
    )
    sub = parser.add_subparsers(dest="command", required=True)
    serve = sub.add_parser("serve", help="aplica as migrações e serve a aplicação")
    serve.add_argument(
        "--no-worker",
        action="store_true",
        help="não entrega e-mails neste processo (rode `cobrancas worker` à parte)",
    )
    serve.add_argument(
        "--workers",
        type=int,
        default=None,
        help="processos do servidor (padrão: um por núcleo com PostgreSQL e RATE_LIMIT_STORAGE "
        "compartilhado; senão 1)",
    )
    serve.set_defaults(func=cmd_serve)
    worker = sub.add_parser("worker", help="entrega os e-mails da fila (vários podem rodar juntos)")
    worker.add_argument(
        "--drain", action="store_true", help="entrega o que está na fila agora e termina"
    )
    worker.set_defaults(func=cmd_worker)
    regua = sub.add_parser(
        "regua", help="roda a régua de cobrança agora (ou mostra o plano de uma data)"
    )
    regua.add_argument("--date", help="AAAA-MM-DD; omitida: o dia de hoje de cada empresa")
    regua.add_argument(
        "--dry-run", action="store_true", help="só mostra o que seria enviado, sem enviar"
    )
    regua.add_argument("--company", type=int, action="append", help=COMPANY_HELP)
    regua.set_defaults(func=cmd_regua)
    sub.add_parser("migrate", help="aplica as migrações pendentes").set_defaults(func=cmd_migrate)
    demo = sub.add_parser("demo", help="carrega dados de demonstração")
    demo.add_argument("--debtors", type=int, default=200)
    demo.add_argument("--entries", type=int, default=1500)
    demo.add_argument("--seed", type=int, default=42)
    demo.add_argument("--if-empty", action="store_true", help="só carrega se não houver clientes")
    demo.set_defaults(func=cmd_demo)
    user = sub.add_parser("create-user", help="cria um usuário do painel")
    user.add_argument("--name", required=True)
    user.add_argument("--email", required=True)
    user.add_argument("--password", help="se omitida, uma senha aleatória é gerada e exibida")
    user.add_argument("--role", choices=[r.value for r in Role], default=Role.COLLECTOR.value)
    user.add_argument(
        "--company", type=int, action="append", help="id de empresa (repetível); omitido: todas"
    )
    user.set_defaults(func=cmd_create_user)
    token = sub.add_parser("create-token", help="cria um token de API (exibido uma única vez)")
    token.add_argument("--name", required=True)
    token.add_argument(
        "--scope",
        choices=["read", "write", "admin"],
        default="read",
        help="admin: também administra usuários e tokens (exige acesso a todas as empresas)",
    )
    token.add_argument(
        "--company", type=int, action="append", help="id de empresa (repetível); omitido: todas"
    )
    token.set_defaults(func=cmd_create_token)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        settings = Settings.from_env()
    except SettingsError as exc:
        print(f"Configuração inválida: {exc}", file=sys.stderr)
        return 2
    logging.basicConfig(
        level=settings.log_level, format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )
    logging.getLogger("tortoise").setLevel(logging.WARNING)
    try:
        code: int = args.func(settings, args)
    except ServiceError as exc:
        for error in exc.errors:
            print(f"erro: {error.message}", file=sys.stderr)
        return 1
    return code


if __name__ == "__main__":
    sys.exit(main())
