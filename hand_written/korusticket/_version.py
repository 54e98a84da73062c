"""The SDK's version, on its own so that any module can read it without importing the package's API."""

# <API version>.<SDK revision>: the first three parts are the KorusTicket API version the client is generated
# from (`__api_version__`, openapi.yaml's info.version); the last counts this SDK's releases for it, from 1.
__version__ = "1.0.38.1"
