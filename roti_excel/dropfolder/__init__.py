"""The drop-folder runners: batch (one pass) and watch (until stopped), their worker
processes, the folder's files and run log, and which programs the portfolio shows."""
