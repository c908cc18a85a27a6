# The image `cfn-lint: container` builds when no image is configured: cfn-lint at the version
# slsguard's cfn-lint data was generated from (build argument CFN_LINT_VERSION, set by slsguard).
FROM python:3.12-slim
ARG CFN_LINT_VERSION
RUN pip install --no-cache-dir "cfn-lint==${CFN_LINT_VERSION}"
ENTRYPOINT ["cfn-lint"]
