#!/bin/bash
# Starts a single-node Slurm cluster on this machine (root; Debian/Ubuntu packages slurm-wlm and munge),
# for trying deploy/slurm/ locally and for CI's Slurm test (test/deploy/slurm.test.ts):
#   apt-get install -y slurm-wlm munge && deploy/slurm/single-node.sh
# The node gets this machine's CPUs (nproc). No cgroups or systemd are needed (proctrack/linuxproc,
# task/none). State, spool and logs go to $SLURM_STATE (default /tmp/minima-slurm); running it again
# restarts the daemons with a fresh state.
set -euo pipefail
[ "$(id -u)" = 0 ] || { echo "single-node.sh: run as root" >&2; exit 2; }
command -v slurmctld >/dev/null && command -v munged >/dev/null || {
  echo "single-node.sh: install slurm-wlm and munge first (apt-get install -y slurm-wlm munge)" >&2
  exit 2
}
STATE=${SLURM_STATE:-/tmp/minima-slurm}
pkill -x slurmd 2>/dev/null || true
pkill -x slurmctld 2>/dev/null || true
rm -rf "$STATE"
mkdir -p "$STATE/spool" "$STATE/save" "$STATE/log" /etc/slurm /etc/munge /var/lib/munge /var/log/munge /run/munge
if [ ! -s /etc/munge/munge.key ]; then
  dd if=/dev/urandom bs=1 count=1024 of=/etc/munge/munge.key 2>/dev/null
fi
chown -R munge:munge /etc/munge /var/lib/munge /var/log/munge /run/munge 2>/dev/null || true
chmod 400 /etc/munge/munge.key
pgrep -x munged >/dev/null || munged --force 2>/dev/null
HOST=$(hostname -s)
cat > /etc/slurm/slurm.conf <<CONF
ClusterName=minima
SlurmctldHost=$HOST
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SchedulerType=sched/backfill
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
ReturnToService=2
# Generous timeouts: a small, busy CI machine must not declare its only node dead.
SlurmdTimeout=3600
MessageTimeout=100
StateSaveLocation=$STATE/save
SlurmdSpoolDir=$STATE/spool
SlurmctldPidFile=$STATE/slurmctld.pid
SlurmdPidFile=$STATE/slurmd.pid
SlurmctldLogFile=$STATE/log/slurmctld.log
SlurmdLogFile=$STATE/log/slurmd.log
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
MpiDefault=none
NodeName=$HOST CPUs=$(nproc) State=UNKNOWN
PartitionName=debug Nodes=ALL Default=YES MaxTime=INFINITE State=UP
CONF
slurmctld
slurmd
for _ in $(seq 30); do
  sinfo -h -o %T 2>/dev/null | grep -q idle && { sinfo; exit 0; }
  sleep 1
done
echo "single-node.sh: the node did not become idle; see $STATE/log" >&2
exit 1
