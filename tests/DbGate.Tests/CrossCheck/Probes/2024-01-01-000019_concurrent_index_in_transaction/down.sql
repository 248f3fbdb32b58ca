DROP INDEX t_a_idx;
