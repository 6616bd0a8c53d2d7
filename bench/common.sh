# Helpers shared by the benchmarks that start the portal and sign in over HTTP; sourced after
# `work` is set (a temporary directory the caller removes).

wait_for() { # url seconds -> 0 when it answers 200 (each try given 5 s: a stopped server hangs)
  local until=$((SECONDS + $2))
  while ((SECONDS < until)); do
    [[ "$(curl -s -o /dev/null -m 5 -w '%{http_code}' "$1" 2>/dev/null)" == 200 ]] && return 0
    sleep 0.1
  done
  return 1
}

login() { # port username password -> the session cookie
  local jar="$work/cookies-$1-$2" token
  token="$(curl -s -c "$jar" -b "$jar" "http://127.0.0.1:$1/login" \
    | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -n 1)"
  curl -s -o /dev/null -c "$jar" -b "$jar" --data-urlencode "username=$2" --data-urlencode "password=$3" \
    --data-urlencode "_csrf=$token" "http://127.0.0.1:$1/login"
  awk '$6 == "PORTALSESSION" { print "PORTALSESSION=" $7 }' "$jar"
}
