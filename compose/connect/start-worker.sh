#!/bin/sh
# Starts one distributed Connect worker. The three workers share worker.properties; only the
# host name the others reach this worker's REST API at differs, and Kafka's properties files
# have no variable substitution, so it is appended here from the container's host name.
set -eu
props=/tmp/worker.properties
cp /etc/streametl/worker.properties "$props"
echo "rest.advertised.host.name=$(hostname)" >> "$props"
# The JMX exporter serves this JVM's MBeans (Connect's and the plugins' metrics) on :9404.
export KAFKA_OPTS="-javaagent:/opt/jmx-exporter/jmx_prometheus_javaagent.jar=9404:/etc/streametl/jmx-exporter.yml ${KAFKA_OPTS:-}"
exec /opt/kafka/bin/connect-distributed.sh "$props"
