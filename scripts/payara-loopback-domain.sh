#!/usr/bin/env bash
# payara-loopback-domain.sh ORIGINAL OUTPUT PORT [ADMIN_PORT]: writes a Payara Server domain.xml, from the
# distribution's ORIGINAL, in which every listener (HTTP, admin, IIOP, JMX, OpenMQ, the data grid)
# binds 127.0.0.1, http-listener-1 listens on PORT, phone-home is off, and Payara's own
# MicroProfile OpenAPI endpoint is off (the Kubernetes API serves /openapi), and DELETE requests
# may carry a body (kubectl sends DeleteOptions; Grizzly refuses them by default). JVM options in the
# environment variable JVM_OPTIONS (complete <jvm-options> lines) are added after the first -Xmx.
# Used by ./pilothouse up --server and by the EAR module's integration tests.
set -euo pipefail
original=${1:?original domain.xml}
output=${2:?output domain.xml}
port=${3:?http port}
admin_port=${4:-4848}

additions='            <phone-home-runtime-configuration enabled="false"></phone-home-runtime-configuration>
            <jms-service default-jms-host="default_JMS_host" type="EMBEDDED">
                <jms-host port="7676" name="default_JMS_host" host="127.0.0.1"></jms-host>
                <property name="imq.hostname" value="127.0.0.1"></property>
            </jms-service>'

ADDITIONS=$additions JVM_OPTIONS=${JVM_OPTIONS:-} awk '
  { print }
  !c && /<config name="server-config"/ { print ENVIRON["ADDITIONS"]; c = 1 }
  !x && /<jvm-options>-Xmx/ && ENVIRON["JVM_OPTIONS"] != "" { print ENVIRON["JVM_OPTIONS"]; x = 1 }
' "$original" |
  sed -e 's/address="0\.0\.0\.0"/address="127.0.0.1"/g' \
    -e '/<network-listener /{/address=/!s/<network-listener /<network-listener address="127.0.0.1" /}' \
    -e 's/<hazelcast-runtime-configuration /<hazelcast-runtime-configuration das-bind-address="127.0.0.1" /' \
    -e 's/<microprofile-openapi-configuration>/<microprofile-openapi-configuration enabled="false">/' \
    -e '/allow-payload-for-undefined-http-methods/!s/<http /<http allow-payload-for-undefined-http-methods="true" /' \
    -e "/name=\"http-listener-1\"/s/port=\"[0-9]*\"/port=\"$port\"/" \
    -e "/name=\"admin-listener\"/s/port=\"[0-9]*\"/port=\"$admin_port\"/" >"$output"
