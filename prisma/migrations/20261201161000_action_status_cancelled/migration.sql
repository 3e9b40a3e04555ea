-- AlterEnum
ALTER TYPE "ActionStatus" ADD VALUE 'cancelled';
