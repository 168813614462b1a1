"""Content-addressed file storage behind a small interface: local disk by default, an
S3-compatible object store when several machines serve the API (they must see the same files).

A file's key is its SHA-256, so storing the same document twice keeps one copy, and a key
always names exactly the bytes it was made from."""

import hashlib
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any, Protocol

from api.core.settings import Settings

CHUNK = 1 << 16


def sha256_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


class Storage(Protocol):
    def put(self, data: bytes) -> str: ...

    def read(self, key: str) -> Iterator[bytes]: ...

    def exists(self, key: str) -> bool: ...

    def delete(self, key: str) -> None: ...


class LocalStorage:
    def __init__(self, root: Path) -> None:
        self.root = root

    def _path(self, key: str) -> Path:
        if len(key) != 64 or not all(c in "0123456789abcdef" for c in key):
            raise ValueError("not a sha256 key")
        return self.root / key[:2] / key[2:4] / key

    def put(self, data: bytes) -> str:
        key = sha256_of(data)
        path = self._path(key)
        if not path.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
            temporary = path.with_suffix(".tmp")
            temporary.write_bytes(data)
            temporary.replace(path)  # atomic: a reader never sees half a file
        return key

    def read(self, key: str) -> Iterator[bytes]:
        with self._path(key).open("rb") as handle:
            while chunk := handle.read(CHUNK):
                yield chunk

    def exists(self, key: str) -> bool:
        return self._path(key).exists()

    def delete(self, key: str) -> None:
        self._path(key).unlink(missing_ok=True)


class S3Storage:
    def __init__(self, client: Any, bucket: str, prefix: str = "bestanden/") -> None:
        self.client = client
        self.bucket = bucket
        self.prefix = prefix

    def put(self, data: bytes) -> str:
        key = sha256_of(data)
        if not self.exists(key):
            self.client.put_object(Bucket=self.bucket, Key=self.prefix + key, Body=data)
        return key

    def read(self, key: str) -> Iterator[bytes]:
        body = self.client.get_object(Bucket=self.bucket, Key=self.prefix + key)["Body"]
        yield from body.iter_chunks(CHUNK)

    def exists(self, key: str) -> bool:
        from botocore.exceptions import ClientError

        try:
            self.client.head_object(Bucket=self.bucket, Key=self.prefix + key)
        except ClientError:
            return False
        return True

    def delete(self, key: str) -> None:
        self.client.delete_object(Bucket=self.bucket, Key=self.prefix + key)


def storage_for(settings: Settings) -> Storage:
    secret = (
        settings.s3_secret_access_key.get_secret_value() if settings.s3_secret_access_key else None
    )
    return _storage(
        settings.storage_backend,
        settings.storage_dir,
        settings.s3_endpoint_url,
        settings.s3_region,
        settings.s3_bucket,
        settings.s3_access_key_id,
        secret,
    )


@lru_cache(maxsize=8)
def _storage(
    backend: str,
    folder: str,
    endpoint: str | None,
    region: str | None,
    bucket: str,
    key_id: str | None,
    secret: str | None,
) -> Storage:
    """One storage per configuration: making an S3 client per request is slow."""
    if backend == "s3":
        import boto3

        client = boto3.client(
            "s3",
            endpoint_url=endpoint,
            region_name=region,
            aws_access_key_id=key_id,
            aws_secret_access_key=secret,
        )
        return S3Storage(client, bucket)
    return LocalStorage(Path(folder))
