"""Realistic pt-BR demo data: companies, debtors with valid CPF/CNPJ, addresses, entries."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable

from stdnum.br import cnpj as stdnum_cnpj
from stdnum.br import cpf as stdnum_cpf
from tortoise.transactions import in_transaction

from backend.companies.models import Company
from backend.core.enums import DebtorKind, EntryStatus, PaymentMethod
from backend.core.text import search_key
from backend.debtors.models import Contact, Debtor
from backend.entries.models import FinancialEntry, Payment
from backend.search.balances import rebuild_balances

FIRST_NAMES = [
    "João",
    "Maria",
    "José",
    "Ana",
    "Antônio",
    "Francisca",
    "Carlos",
    "Antônia",
    "Paulo",
    "Adriana",
    "Lucas",
    "Juliana",
    "Luís",
    "Márcia",
    "Pedro",
    "Fernanda",
    "Marcos",
    "Patrícia",
    "Luiz",
    "Aline",
    "Gabriel",
    "Sandra",
    "Rafael",
    "Camila",
    "Daniel",
    "Letícia",
    "Marcelo",
    "Cláudia",
    "Bruno",
    "Luana",
    "Eduardo",
    "Jéssica",
    "Felipe",
    "Vitória",
    "Raimundo",
    "Conceição",
    "Sebastião",
    "Beatriz",
    "Rodrigo",
    "Débora",
    "André",
    "Cecília",
    "Thiago",
    "Simone",
    "Mateus",
    "Tânia",
    "Gonçalo",
    "Inês",
]
SURNAMES = [
    "Silva",
    "Santos",
    "Oliveira",
    "Souza",
    "Rodrigues",
    "Ferreira",
    "Alves",
    "Pereira",
    "Lima",
    "Gomes",
    "Ribeiro",
    "Carvalho",
    "Araújo",
    "Melo",
    "Barbosa",
    "Cardoso",
    "Rocha",
    "Dias",
    "Nascimento",
    "Andrade",
    "Moreira",
    "Nunes",
    "Marques",
    "Machado",
    "Mendes",
    "Freitas",
    "Cavalcanti",
    "Monteiro",
    "Conceição",
    "Magalhães",
    "Brandão",
    "Simões",
    "Guimarães",
    "Gonçalves",
    "Assunção",
    "Falcão",
    "Antunes",
    "Leão",
    "Damião",
    "Estêvão",
]
BUSINESS_WORDS = [
    "Comércio",
    "Distribuidora",
    "Mercado",
    "Padaria",
    "Construtora",
    "Transportes",
    "Serviços",
    "Indústria",
    "Farmácia",
    "Auto",
    "Peças",
    "Papelaria",
    "Açougue",
    "Ótica",
    "Confecções",
    "Materiais",
    "Elétricos",
    "Agropecuária",
]
BUSINESS_SUFFIX = ("Ltda", "ME", "EIRELI", "S.A.", "Ltda - EPP")
PLACES = (
    ("01310100", "Avenida Paulista", "Bela Vista", "São Paulo", "SP"),
    ("20040002", "Rua da Assembleia", "Centro", "Rio de Janeiro", "RJ"),
    ("30130010", "Avenida Afonso Pena", "Centro", "Belo Horizonte", "MG"),
    ("80010000", "Rua XV de Novembro", "Centro", "Curitiba", "PR"),
    ("90010150", "Rua dos Andradas", "Centro Histórico", "Porto Alegre", "RS"),
    ("40020000", "Rua Chile", "Centro", "Salvador", "BA"),
    ("50030230", "Rua do Bom Jesus", "Recife", "Recife", "PE"),
    ("60060440", "Avenida da Universidade", "Benfica", "Fortaleza", "CE"),
    ("70040010", "Setor Bancário Sul", "Asa Sul", "Brasília", "DF"),
    ("88010400", "Rua Felipe Schmidt", "Centro", "Florianópolis", "SC"),
    ("69005070", "Avenida Eduardo Ribeiro", "Centro", "Manaus", "AM"),
    ("66010000", "Avenida Presidente Vargas", "Campina", "Belém", "PA"),
    ("13015100", "Rua Barão de Jaguara", "Centro", "Campinas", "SP"),
    ("74003010", "Avenida Goiás", "Setor Central", "Goiânia", "GO"),
    ("64000290", "Rua Álvaro Mendes", "Centro", "Teresina", "PI"),
)
DDD = {
    "SP": "11",
    "RJ": "21",
    "MG": "31",
    "PR": "41",
    "RS": "51",
    "BA": "71",
    "PE": "81",
    "CE": "85",
    "DF": "61",
    "SC": "48",
    "AM": "92",
    "PA": "91",
    "GO": "62",
    "PI": "86",
}
DESCRIPTIONS = (
    "Venda de mercadorias",
    "Prestação de serviços",
    "Mensalidade",
    "Parcela de contrato",
    "Locação de equipamento",
    "Manutenção preventiva",
    "Fornecimento de materiais",
    "Consultoria",
    "Adiantamento a fornecedor",
    "Devolução de mercadoria",
)
COMPANIES = (
    ("Bexus Comércio de Alimentos Ltda", "financeiro@bexus-alimentos.com.br"),
    ("Bexus Serviços Técnicos Ltda", "cobranca@bexus-servicos.com.br"),
    ("Bexus Distribuidora do Nordeste S.A.", "contasareceber@bexus-ne.com.br"),
)


def _cpf(rng: random.Random) -> str:
    while True:
        base = "".join(str(rng.randint(0, 9)) for _ in range(9))
        if len(set(base)) > 1:
            number = base + stdnum_cpf._calc_check_digits(base)
            if stdnum_cpf.is_valid(number):
                return number


def _cnpj(rng: random.Random) -> str:
    while True:
        base = "".join(str(rng.randint(0, 9)) for _ in range(8)) + "0001"
        number = base + stdnum_cnpj.calc_check_digits(base)
        if stdnum_cnpj.is_valid(number):
            return number


def _mail_name(name: str) -> str:
    return ".".join(search_key(name).split()[:2]).replace("-", "")


async def demo_regua(company: Company) -> None:
    """The default template, a firmer one, and a régua D-3, D0, D+3, D+10, D+30."""
    from backend.collection.models import CollectionStep, EmailTemplate
    from backend.collection.templates import DEFAULT_BODY, ensure_default_template

    gentle = await ensure_default_template(company)
    firm = await EmailTemplate.create(
        company_id=company.id,
        name="Aviso de atraso",
        subject="{{ empresa }}: {{ quantidade_vencidos }} lançamento(s) em atraso",
        body=DEFAULT_BODY.replace("que constam em aberto", "que seguem em atraso"),
    )
    for days, template in ((-3, gentle), (0, gentle), (3, gentle), (10, firm), (30, firm)):
        await CollectionStep.create(company_id=company.id, days=days, template_id=template.id)


async def load_demo(
    *,
    debtors: int = 200,
    entries: int = 1500,
    seed: int = 42,
    today: dt.date,
    progress: Callable[[str], None] = print,
) -> dict[str, int]:
    """Demo companies, debtors and entries around `today` (the installation's local date)."""
    rng = random.Random(seed)
    async with in_transaction():
        companies = []
        for index, (name, email) in enumerate(COMPANIES):
            place = PLACES[index]
            companies.append(
                await Company.create(
                    name=name,
                    document=_cnpj(rng),
                    email=email,
                    postal_code=place[0],
                    street=place[1],
                    number=str(rng.randint(10, 2000)),
                    district=place[2],
                    city=place[3],
                    state=place[4],
                )
            )
        progress(f"{len(companies)} empresas")
        for company in companies:
            await demo_regua(company)
        debtor_rows = []
        for index in range(debtors):
            place = rng.choice(PLACES)
            is_business = rng.random() < 0.35
            if is_business:
                words = (
                    rng.choice(BUSINESS_WORDS),
                    rng.choice(SURNAMES),
                    rng.choice(BUSINESS_SUFFIX),
                )
                name = " ".join(words)
                document = _cnpj(rng)
            else:
                name = f"{rng.choice(FIRST_NAMES)} {rng.choice(SURNAMES)} {rng.choice(SURNAMES)}"
                document = _cpf(rng)
            ddd = DDD[place[4]]
            debtor_rows.append(
                Debtor(
                    kind=DebtorKind.SUPPLIER if rng.random() < 0.1 else DebtorKind.CUSTOMER,
                    name=name,
                    search_key=search_key(name),
                    document=document,
                    email=f"{_mail_name(name)}{index}@exemplo.com.br",
                    phone=f"{ddd}3{rng.randint(1000000, 9999999)}",
                    mobile=f"{ddd}9{rng.randint(10000000, 99999999)}",
                    postal_code=place[0],
                    street=place[1],
                    number=str(rng.randint(1, 3000)),
                    complement=rng.choice((None, None, "Sala 12", "Apto 34", "Fundos")),
                    district=place[2],
                    city=place[3],
                    state=place[4],
                )
            )
        await Debtor.bulk_create(debtor_rows, batch_size=1000)
        debtor_ids = [d.id for d in await Debtor.all().only("id")]
        progress(f"{len(debtor_ids)} clientes e fornecedores")
        contacts = [
            Contact(
                debtor_id=debtor_id,
                name=f"{rng.choice(FIRST_NAMES)} {rng.choice(SURNAMES)}",
                department=rng.choice(("Financeiro", "Comercial", "Faturamento")),
                role=rng.choice(("Analista", "Gerente", "Coordenador")),
                email=f"contato{debtor_id}@exemplo.com.br",
            )
            for debtor_id in debtor_ids[: max(1, len(debtor_ids) // 4)]
        ]
        await Contact.bulk_create(contacts, batch_size=1000)
        entry_rows = []
        for index in range(entries):
            due = today + dt.timedelta(days=rng.randint(-365, 60))
            amount_cents = rng.choice((rng.randint(5_000, 50_000), rng.randint(50_000, 500_000)))
            roll = rng.random()
            if due < today and roll < 0.45:
                paid = amount_cents
            elif roll < 0.6:
                paid = rng.randint(1, amount_cents - 1) // 100 * 100 or 100
            else:
                paid = 0
            status = (
                EntryStatus.PAID
                if paid >= amount_cents
                else EntryStatus.PARTIALLY_PAID
                if paid
                else EntryStatus.OPEN
            )
            entry_rows.append(
                FinancialEntry(
                    company_id=rng.choice(companies).id,
                    debtor_id=rng.choice(debtor_ids),
                    code=f"{index + 1:06d}",
                    description=rng.choice(DESCRIPTIONS),
                    document_number=f"NF {rng.randint(1000, 99999)}",
                    issue_date=due - dt.timedelta(days=rng.choice((15, 30, 45))),
                    due_date=due,
                    amount_cents=amount_cents,
                    paid_cents=paid,
                    status=status,
                )
            )
            if (index + 1) % 5000 == 0:
                progress(f"  {index + 1}/{entries} lançamentos")
        await FinancialEntry.bulk_create(entry_rows, batch_size=1000)
        paid_rows = await FinancialEntry.filter(paid_cents__gt=0).values(
            "id", "paid_cents", "due_date"
        )
        payments = [
            Payment(
                entry_id=row["id"],
                amount_cents=row["paid_cents"],
                paid_on=min(today, row["due_date"] + dt.timedelta(days=rng.randint(-5, 20))),
                method=rng.choice(list(PaymentMethod)),
            )
            for row in paid_rows
        ]
        await Payment.bulk_create(payments, batch_size=1000)
        progress(f"{len(entry_rows)} lançamentos, {len(payments)} pagamentos")
    # bulk_create skips the model hooks that keep the search summary: recompute it whole.
    await rebuild_balances()
    return {
        "companies": len(companies),
        "debtors": len(debtor_ids),
        "entries": len(entry_rows),
        "payments": len(payments),
    }
