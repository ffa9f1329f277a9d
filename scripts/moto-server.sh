# Sourced by scripts/demo.sh and scripts/local-iam.sh: start_moto [PORT] starts moto's server on
# 127.0.0.1 (installing it first if needed), waits until it answers, and sets moto_pid and
# AWS_IAM_URL; moto_api PATH [BODY] posts to its control API. Node does the HTTP: no curl needed.
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

moto_api() {
  node -e 'fetch(process.argv[1], { method: "POST", headers: { "Content-Type": "text/plain" }, body: process.argv[2] })
    .then((res) => process.exit(res.ok ? 0 : 1), () => process.exit(1))' "$AWS_IAM_URL/moto-api/$1" "${2:-}"
}

start_moto() {
  bash "$root/scripts/setup-moto.sh"
  local port="${1:-$(node -e 'const s = require("net").createServer().listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); })')}"
  "$root/.moto-venv/bin/moto_server" -H 127.0.0.1 -p "$port" >/dev/null 2>&1 &
  moto_pid=$!
  export AWS_IAM_URL="http://127.0.0.1:$port"
  for _ in $(seq 200); do
    moto_api reset && return 0
    kill -0 "$moto_pid" 2>/dev/null || break
    sleep 0.1
  done
  echo "moto did not start on port $port (is the port taken?)" >&2
  return 1
}
