"""The input workbooks HR fills in: the blank templates and the filled thesis example."""
