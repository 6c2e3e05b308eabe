# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
"""Scalar state variables of a TF-1 graph (ADA's p, LeCam's anchors).

`scalar_variables(cache, prefix, dtypes)` creates, once per graph, one
non-trainable resource variable `<prefix>_<name>` per entry of `dtypes`,
zero at first, at the top of the graph (outside any name or variable
scope), so checkpoints name them the same whatever scope builds the loss.
"""

import tensorflow as tf

__all__ = ['scalar_variables']

_v1 = tf.compat.v1


def scalar_variables(cache, prefix, dtypes):
  """This graph's state variables, created on first use.

  Args:
    cache: A dict graph -> {name: variable} kept by the caller.
    prefix: The variables' name prefix.
    dtypes: A dict name -> dtype.

  Returns:
    {name: variable} of the current default graph.
  """
  graph = _v1.get_default_graph()
  if graph not in cache:
    with graph.name_scope(None), _v1.variable_scope(
        _v1.VariableScope(reuse=False), auxiliary_name_scope=False):
      cache[graph] = {
          name: _v1.get_variable('%s_%s' % (prefix, name), shape=(),
                                 dtype=dtype, trainable=False,
                                 initializer=_v1.zeros_initializer(),
                                 use_resource=True)
          for name, dtype in dtypes.items()}
  return cache[graph]
