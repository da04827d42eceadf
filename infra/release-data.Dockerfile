# One release's official files as an image, for the import Job (infra/k8s/import-job.yaml):
#
#   docker build -f infra/release-data.Dockerfile -t registry.example.org/sendbench/release-data:2026 ../shared/data
#
# The build context is the folder of files (the same layout as ../shared/data). An image per
# release makes what was imported a versioned, reviewable artifact.
FROM busybox:1.36
COPY --chown=10001:10001 . /release/
USER 10001:10001
