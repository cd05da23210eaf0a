"""All or nothing: a unit of work rolls back unless ``commit`` is called."""

from __future__ import annotations

from types import TracebackType

from sqlalchemy.orm import Session, sessionmaker

from ipsentry.store.account_repository import AccountRepository
from ipsentry.store.activity_repository import ActivityRepository
from ipsentry.store.customs_repository import CustomsRepository
from ipsentry.store.database import session_factory
from ipsentry.store.enforcement_repository import EnforcementRepository
from ipsentry.store.evidence_repository import EvidenceRepository
from ipsentry.store.health_repository import HealthRepository
from ipsentry.store.job_repository import HitRepository, JobRepository
from ipsentry.store.repositories import OrganisationRepository, RecordRepository, RightRepository


class UnitOfWork:
    def __init__(self, factory: sessionmaker[Session]) -> None:
        self._factory = factory

    @classmethod
    def for_url(cls, url: str, *, create: bool = True) -> UnitOfWork:
        return cls(session_factory(url, create=create))

    def __enter__(self) -> UnitOfWork:
        self.session = self._factory()
        self.rights = RightRepository(self.session)
        self.organisations = OrganisationRepository(self.session)
        self.records = RecordRepository(self.session)
        self.accounts = AccountRepository(self.session)
        self.evidence = EvidenceRepository(self.session)
        self.enforcement = EnforcementRepository(self.session)
        self.health = HealthRepository(self.session)
        self.activity = ActivityRepository(self.session)
        self.jobs = JobRepository(self.session)
        self.hits = HitRepository(self.session)
        self.customs = CustomsRepository(self.session)
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        # close() discards anything not committed, without expiring what was loaded, so
        # services can hand loaded domain objects to the interfaces.
        self.session.close()

    def commit(self) -> None:
        self.session.commit()

    def flush(self) -> None:
        self.session.flush()

    def release(self) -> None:
        """Write what is pending and let go of the loaded objects (long imports stay small)."""
        self.session.flush()
        self.session.expunge_all()
