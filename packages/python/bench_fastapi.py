"""Verified requests per second in a FastAPI app: a protected vs an unprotected route, same run.

Not a test. Starts a SaaSReady server (as the pytest harness does: build first with `npx tsc -b`),
registers a user with an organization, serves the app below with uvicorn in a subprocess (one
worker), and loads each route with keep-alive connections for a few seconds, alternating the routes
so both see the same machine state. The protected route verifies the ES256 access token offline
(cached JWKS) and checks a permission: no network call per request.

    /usr/bin/python3 bench_fastapi.py [--seconds 4] [--connections 32] [--rounds 2]
"""
from __future__ import annotations

import argparse
import asyncio
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent

# ---- the app under test (imported by uvicorn in the child process) ---------------------------
if os.environ.get("BENCH_SAASREADY_URL"):
    from fastapi import Depends, FastAPI

    from saasready.fastapi import SaaSReadyAuth
    from saasready.verifier import VerifiedCaller, Verifier

    auth = SaaSReadyAuth(Verifier(base_url=os.environ["BENCH_SAASREADY_URL"]))
    app = FastAPI()
    auth.install(app)

    @app.get("/orgs/{org_id}/public")
    async def unprotected(org_id: str):
        return {"org_id": org_id}

    @app.get("/orgs/{org_id}/settings")
    async def protected(org_id: str, caller: VerifiedCaller = Depends(auth.require_permission("org.update"))):
        return {"org_id": org_id}


# ---- the load generator ------------------------------------------------------------------------
async def _connection(port: int, request: bytes, stop_at: float, counts: dict) -> None:
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    try:
        while time.monotonic() < stop_at:
            writer.write(request)
            status = (await reader.readline()).split(b" ", 2)[1]
            length = 0
            while True:
                line = await reader.readline()
                if line in (b"\r\n", b""):
                    break
                name, _, value = line.partition(b":")
                if name.strip().lower() == b"content-length":
                    length = int(value)
            await reader.readexactly(length)
            counts["ok" if status == b"200" else "failed"] += 1
    finally:
        writer.close()


async def _load(port: int, path: str, token: str, seconds: float, connections: int) -> tuple[float, int]:
    request = (f"GET {path} HTTP/1.1\r\nhost: 127.0.0.1\r\nauthorization: Bearer {token}\r\n\r\n").encode()
    counts = {"ok": 0, "failed": 0}
    started = time.monotonic()
    await asyncio.gather(*(_connection(port, request, started + seconds, counts) for _ in range(connections)))
    return counts["ok"] / (time.monotonic() - started), counts["failed"]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=4.0)
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()

    sys.path.insert(0, str(HERE / "tests"))
    import httpx
    from conftest import Server, api, register_and_login

    server = Server()
    server.start()
    app_proc = None
    try:
        login = register_and_login(server, f"bench-{os.getpid()}@example.com")
        org_id = api(server, "POST", "/orgs", login["access_token"], json={"name": "Bench"}).json()["id"]
        token = api(server, "POST", "/auth/switch-org", login["access_token"], json={"org_id": org_id}).json()["access_token"]

        port = _free_port()
        env = dict(os.environ, BENCH_SAASREADY_URL=server.url, PYTHONPATH=str(HERE))
        app_proc = subprocess.Popen(
            [sys.executable, "-m", "uvicorn", "bench_fastapi:app", "--host", "127.0.0.1", "--port", str(port),
             "--log-level", "warning", "--no-access-log"], cwd=str(HERE), env=env)
        for _ in range(100):
            try:
                httpx.get(f"http://127.0.0.1:{port}/orgs/{org_id}/public", timeout=1)
                break
            except httpx.HTTPError:
                time.sleep(0.1)
        protected_path, public_path = f"/orgs/{org_id}/settings", f"/orgs/{org_id}/public"
        assert httpx.get(f"http://127.0.0.1:{port}{protected_path}", headers={"authorization": f"Bearer {token}"}).status_code == 200
        assert httpx.get(f"http://127.0.0.1:{port}{protected_path}").status_code == 401

        asyncio.run(_load(port, public_path, token, 1.0, args.connections))  # warm-up (and the JWKS fetch)
        asyncio.run(_load(port, protected_path, token, 1.0, args.connections))
        results = {"unprotected": [], "protected": []}
        for _ in range(args.rounds):
            for name, path in (("unprotected", public_path), ("protected", protected_path)):
                rps, failed = asyncio.run(_load(port, path, token, args.seconds, args.connections))
                if failed:
                    raise SystemExit(f"{failed} requests to the {name} route did not answer 200")
                results[name].append(rps)
        unprotected = sum(results["unprotected"]) / args.rounds
        protected = sum(results["protected"]) / args.rounds
        print(f"FastAPI {__import__('fastapi').__version__}, uvicorn 1 worker, Python {sys.version.split()[0]}, "
              f"{args.connections} keep-alive connections, {args.rounds} x {args.seconds:g} s per route, alternating")
        print(f"unprotected route: {unprotected:8.0f} req/s  (rounds: {', '.join(f'{r:.0f}' for r in results['unprotected'])})")
        print(f"protected route:   {protected:8.0f} req/s  (rounds: {', '.join(f'{r:.0f}' for r in results['protected'])}; "
              "ES256 verify + permission, offline)")
        print(f"ratio protected/unprotected: {protected / unprotected:.2f}")
        return 0
    finally:
        if app_proc is not None:
            app_proc.terminate()
            app_proc.wait(timeout=10)
        server.stop()


if __name__ == "__main__":
    sys.exit(main())
